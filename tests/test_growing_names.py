"""Scope names that grow with a list (P's G5, pix2pix's discriminator: `"layer_%d" % (len(layers) +
1)` in a loop and again after it, each scope appending to `layers`): distinct scopes at run time,
so the unnamed layers of a helper called in each convert (one module per evaluated name); two
calls under one entry of such a scope, or a list that does not grow, are still refused."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from migrate.codemod.growing_names import grows_between_uses
from migrate.transform import transform_source
from tests.test_project import _migrate

_OPS = '''import tensorflow as tf


def conv(x, ch):
    return tf.layers.conv2d(x, ch, kernel_size=3, padding="same")
'''

_D = '''import tensorflow as tf
from ops import conv


def discriminator(x, n_layers=2):
    layers = []
    with tf.variable_scope("layer_1"):
        layers.append(conv(x, 2))
    for i in range(n_layers):
        with tf.variable_scope("layer_%d" % (len(layers) + 1)):
            layers.append(conv(layers[-1], 2))
    with tf.variable_scope("layer_%d" % (len(layers) + 1)):
        out = conv(layers[-1], 1)
    return out
'''

_TEXT = '"layer_%d" % (len(layers) + 1)'


def _fn(source: str) -> cst.FunctionDef:
    return next(s for s in cst.parse_module(source).body if isinstance(s, cst.FunctionDef) and s.name.value != "conv")


def test_a_discriminator_whose_scopes_count_its_layers_converts_across_files() -> None:
    out = _migrate({"ops.py": _OPS, "d.py": _D})
    d, codes = out["d.py"]
    assert "class Discriminator(tf.Module):" in d and "dynamic-scope" not in codes
    # the scope after the loop builds its own module, keyed by its name (layer_4)
    assert d.count('if "layer_%d" % (len(layers) + 1) not in self.layer_conv:') == 2


def test_the_same_discriminator_in_one_file_converts() -> None:
    source = _OPS + _D.replace("import tensorflow as tf\nfrom ops import conv\n", "")
    out = transform_source(source, "d.py")
    assert {f.class_name for f in out.functions} >= {"Discriminator"}


def test_two_calls_under_one_entry_of_the_scope_are_still_refused() -> None:
    source = _OPS + '''

def discriminator(x, n_layers=2):
    layers = []
    for i in range(n_layers):
        with tf.variable_scope("layer_%d" % (len(layers) + 1)):
            h = conv(x, 2)
            layers.append(conv(h, 2))
    return layers[-1]
'''
    out = transform_source(source, "d.py")
    assert "dynamic-scope" in {d.code for d in out.diagnostics}


@pytest.mark.parametrize("change", [
    ("        layers.append(conv(layers[-1], 2))", "        h = conv(layers[-1], 2)\n            layers.append(h) if h is not None else None"),
    ("    return out", "    layers.pop()\n    return out"),
    ("    layers = []", "    layers = [x]"),
])
def test_a_list_not_provably_growing_proves_nothing(change: tuple[str, str]) -> None:
    source = _D.replace(*change)
    assert source != _D
    assert not grows_between_uses(_fn(source), _TEXT)


def test_the_growing_list_is_proven() -> None:
    assert grows_between_uses(_fn(_D), _TEXT)
    assert not grows_between_uses(_fn(_D), '"layer_1"')


@pytest.mark.slow
def test_the_converted_discriminator_is_equivalent(tmp_path: Path, cli) -> None:
    from migrate.checker import check_many, entry_from_targets

    legacy, migrated = tmp_path / "legacy", tmp_path / "migrated"
    for root in (legacy, migrated):
        root.mkdir()
        (root / "ops.py").write_text(_OPS)
        (root / "d.py").write_text(_D)
    assert cli("run", str(migrated)).exit_code == 0
    [verdict] = check_many([entry_from_targets(legacy=f"{legacy / 'd.py'}:discriminator",
                                               migrated=f"{migrated / 'd.py'}:Discriminator",
                                               inputs={"x": "float32[2,8,8,3]"}, args={}, label="g5",
                                               tf_function=True)])
    assert verdict.equivalent, verdict
