"""Scope names that are paths (P's H18): a call site passing `scope='policy/pi'` (or a formatted
`'%s/pi' % name`) builds its module under the outer parts with `_tf1_named`, since tf.Module
rejects a name with a '/'. TF equivalence: golden scope_names/slash_in_call_site_name (proven)."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from migrate import support_module
from migrate.codemod.scope_paths import may_be_path, path_safe_ctor
from migrate.transform import transform_source

_OPS = '''import tensorflow as tf


def linear(x, output_size, scope=None):
    with tf.variable_scope(scope or "Linear"):
        matrix = tf.get_variable("Matrix", [x.get_shape()[1], output_size], tf.float32)
        return tf.matmul(x, matrix)
'''

_MODEL = '''import tensorflow as tf

from ops import linear


def heads(x):
    return linear(x, 2, scope='policy/pi'), linear(x, 1, scope='policy/vf')
'''


@pytest.mark.parametrize("name, expected", [
    ("'policy/pi'", True), ("'pi'", False), ("'%s/pi' % name", True), ("name + '/vf'", True),
    ("'model/' + name", True), ("f'{name}/pi'", True), ("name", False), ("'h%d' % i", False),
])
def test_names_that_may_be_paths(name: str, expected: bool) -> None:
    assert may_be_path(cst.parse_expression(name)) is expected


def test_only_a_name_keyword_with_a_slash_is_rewritten() -> None:
    assert path_safe_ctor("Linear(name='policy/pi')", "Linear") == "_tf1_named(Linear, 'policy/pi')"
    assert path_safe_ctor("Linear(name='pi')", "Linear") is None
    assert path_safe_ctor("Linear()", "Linear") is None
    assert path_safe_ctor("Other(name='a/b')", "Linear") is None


def test_a_call_site_scope_path_builds_the_module_under_its_outer_parts() -> None:
    out = transform_source(_OPS + _MODEL.replace("import tensorflow as tf\n\nfrom ops import linear\n", ""), "m.py")
    assert "_tf1_named(Linear, 'policy/pi')" in out.code
    assert "name='policy/pi'" not in out.code
    assert "def _tf1_named(" in out.code and "def _tf1_scope(" in out.code
    assert {f.class_name for f in out.functions} == {"Linear", "Heads"}


def test_the_support_module_defines_the_helper_and_what_it_needs() -> None:
    text = support_module.support_source(["_tf1_named"])
    assert "def _tf1_named(" in text and "def _tf1_scope(" in text


def test_a_multi_file_run_imports_the_helper_and_a_second_run_changes_nothing(tmp_path: Path, cli) -> None:
    (tmp_path / "ops.py").write_text(_OPS)
    (tmp_path / "model.py").write_text(_MODEL)
    first = cli("run", str(tmp_path))
    assert first.exit_code == 0 and "internal-error" not in first.output, first.output
    model = (tmp_path / "model.py").read_text()
    assert "from tf2_migrate_support import _tf1_named" in model and "def _tf1_named" not in model
    assert "def _tf1_named(" in (tmp_path / "tf2_migrate_support.py").read_text()
    again = cli("run", str(tmp_path))
    assert "0 changed" in again.output, again.output
