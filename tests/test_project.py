"""The project import index and what it protects: functions other files import stay functions."""

from __future__ import annotations

from pathlib import Path

from migrate.project import imports_of, pinned_names
from migrate.transform import transform_source

OPS = '''import tensorflow as tf


def linear(x, units, scope=None):
    with tf.variable_scope(scope or "Linear"):
        w = tf.get_variable("w", [x.get_shape()[-1], units])
        return tf.matmul(x, w)
'''
MODEL = '''import tensorflow as tf
from ops import *


def discriminator(x):
    with tf.variable_scope("discriminator"):
        return linear(x, 1, "d_lin")
'''


def test_imports_of_every_form() -> None:
    used = imports_of("from pkg.ops import linear, conv2d as c\nfrom utils import *\nimport layers as L\n"
                      "y = L.dense(x)\nfrom . import helpers\n")
    assert used["ops"] == {"linear", "conv2d"}
    assert used["utils"] == {"*"}
    assert used["layers"] == {"dense"}
    assert used["helpers"] == {"*"}


def test_pinned_names_match_by_module_stem() -> None:
    pins = pinned_names({Path("a/ops.py"): OPS, Path("a/model.py"): MODEL})
    assert pins[Path("a/ops.py")] == {"*"}
    assert Path("a/model.py") not in pins


def test_pinned_function_is_left_and_reported() -> None:
    out = transform_source(OPS, "ops.py", frozenset({"linear"}))
    assert out.code == OPS
    assert {d.code for d in out.diagnostics} == {"imported-elsewhere"}
    assert transform_source(OPS, "ops.py").functions  # unpinned it converts


def test_scopes_around_other_files_functions_are_reported_not_half_converted() -> None:
    out = transform_source(MODEL, "model.py")
    assert out.code == MODEL
    assert "cross-file" in {d.code for d in out.diagnostics}


def test_migrate_run_pins_what_siblings_import(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from migrate.cli import main

    (tmp_path / "ops.py").write_text(OPS, encoding="utf-8")
    (tmp_path / "model.py").write_text("from ops import linear\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--no-progress", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ops.py").read_text(encoding="utf-8") == OPS
    assert "imported-elsewhere" in result.output
