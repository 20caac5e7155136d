"""contrib helper functions with an exact TF2 spelling (upgrade stage): before/after pairs.
Fast: no TensorFlow import (the numeric proof is tests/test_contrib_helpers.py)."""

from __future__ import annotations

import pytest

from migrate.upgrade import upgrade_source

H = "import tensorflow as tf\n"
SLIM = H + "import tensorflow.contrib.slim as slim\n"

CASES = [
    ("l1", H + "r = tf.contrib.layers.l1_regularizer(0.1)\n", "r = _contrib_l1_regularizer(0.1)\n"),
    ("l2", H + "r = tf.contrib.layers.l2_regularizer(scale=1e-4)\n", "r = _contrib_l2_regularizer(scale=1e-4)\n"),
    ("slim l2", SLIM + "r = slim.l2_regularizer(0.5)\n", "r = _contrib_l2_regularizer(0.5)\n"),
    ("l1_l2", H + "r = tf.contrib.layers.l1_l2_regularizer(0.1, 0.2)\n", "r = _contrib_l1_l2_regularizer(0.1, 0.2)\n"),
    ("sum", H + "r = tf.contrib.layers.sum_regularizer([a, b])\n", "r = _contrib_sum_regularizer([a, b])\n"),
    ("apply", H + "p = tf.contrib.layers.apply_regularization(r, [w])\n",
     "p = _contrib_apply_regularization(r, [w])\n"),
    ("xavier normal", H + "i = tf.contrib.layers.xavier_initializer(uniform=False, seed=3)\n",
     "i = _contrib_xavier_initializer(uniform=False, seed=3)\n"),
    ("xavier conv2d", H + "i = tf.contrib.layers.xavier_initializer_conv2d()\n", "i = _contrib_xavier_initializer()\n"),
    ("variance scaling", H + "i = tf.contrib.layers.variance_scaling_initializer(2.0, 'FAN_OUT', True)\n",
     "i = _contrib_variance_scaling_initializer(2.0, 'FAN_OUT', True)\n"),
    ("nest", H + "y = tf.contrib.framework.nest.flatten(x)\n", "y = tf.nest.flatten(x)\n"),
    ("nest is_sequence", H + "b = tf.contrib.framework.nest.is_sequence(x)\n", "b = tf.nest.is_nested(x)\n"),
    ("imported nest is_sequence", H + "from tensorflow.contrib.framework import nest\nb = nest.is_sequence(x)\n",
     "b = tf.nest.is_nested(x)\n"),
    ("mode keys", H + "t = mode == tf.contrib.learn.ModeKeys.TRAIN\ni = tf.contrib.learn.ModeKeys.INFER\n",
     "t = mode == 'train'\ni = 'infer'\n"),
    ("global step", H + "s = tf.contrib.framework.get_or_create_global_step()\n",
     "s = tf.compat.v1.train.get_or_create_global_step()\n"),
    ("collect_named_outputs", H + "from tensorflow.contrib.layers.python.layers import utils\n"
     "y = utils.collect_named_outputs(c, sc + '/relu', tf.nn.relu(x))\n", "y = tf.nn.relu(x)\n"),
]


@pytest.mark.parametrize("name, before, after", CASES, ids=[c[0] for c in CASES])
def test_contrib_rewrite(name, before, after):
    out, diags = upgrade_source(before, frozenset())
    assert after in out
    assert not [d for d in diags if d.code == "contrib" and d.severity == "error"]


def test_helpers_are_written_once_with_their_dependencies():
    out, _ = upgrade_source(H + "a = tf.contrib.layers.l1_l2_regularizer(0.1, 0.2)\n"
                            "b = tf.contrib.layers.l2_regularizer(0.1)\n", frozenset())
    for helper in ("_contrib_l1_l2_regularizer", "_contrib_l1_regularizer", "_contrib_l2_regularizer",
                   "_contrib_sum_regularizer", "_contrib_regularizer_scale"):
        assert out.count(f"def {helper}(") == 1
    compile(out, "out.py", "exec")


def test_collect_named_outputs_kept_when_the_collection_is_read():
    src = (H + "from tensorflow.contrib.layers.python.layers import utils\n"
           "y = utils.collect_named_outputs(c, 'relu', x)\n"
           "end_points = utils.convert_collection_to_dict(c)\n")
    out, diags = upgrade_source(src, frozenset())
    assert "utils.collect_named_outputs(c, 'relu', x)" in out
    assert any(d.code == "contrib" and d.severity == "error" for d in diags)


def test_apply_regularization_without_list_stays_reported():
    out, diags = upgrade_source(H + "p = tf.contrib.layers.apply_regularization(r)\n", frozenset())
    assert "tf.contrib.layers.apply_regularization(r)" in out
    assert any(d.code == "contrib" and d.severity == "error" for d in diags)


def test_code_kept_as_tf1_gets_the_helpers_too():
    src = H + "def f(x):\n    return tf.get_variable('w', [2], regularizer=tf.contrib.layers.l2_regularizer(0.1))\n"
    out, diags = upgrade_source(src, frozenset({"f"}))
    assert "regularizer=_contrib_l2_regularizer(0.1)" in out and "tf.compat.v1.get_variable" in out


def test_unused_contrib_imports_are_dropped_used_ones_kept():
    src = (H + "import tensorflow.contrib.slim as slim\n"
           "from tensorflow.contrib.layers.python.layers import utils, initializers\n"
           "y = utils.collect_named_outputs(None, 'a', x)\n"
           "i = initializers.variance_scaling_initializer\n")
    out, _ = upgrade_source(src, frozenset())
    assert "import tensorflow.contrib.slim as slim" not in out
    # (still used: a stub, so the file imports on TF2; contrib_imports.stub_used_contrib_imports)
    assert 'initializers = _Tf1Contrib("tf.contrib.layers.python.layers.initializers")\n' in out
    assert "y = x\n" in out


def test_contrib_import_still_used_becomes_a_stub():
    src = H + "import tensorflow.contrib.slim as slim\nd = slim.dataset.Dataset\n"
    out, diags = upgrade_source(src, frozenset())
    assert 'slim = _Tf1Contrib("tf.contrib.slim")\nd = slim.dataset.Dataset' in out
    assert "contrib" in {d.code for d in diags}


def test_from_contrib_import_nest_dropped_after_the_rename():
    src = (H + "from tensorflow.contrib.framework import nest\n"
           "y = nest.flatten(x)\nz = obj.nest\n")
    out, _ = upgrade_source(src, frozenset())
    assert "tensorflow.contrib" not in out and "y = tf.nest.flatten(x)" in out
