"""A converted helper whose TF1 def stays beside its class (callers that stay TF1) shares its
parameter defaults' nodes with the class: the upgrade stage gave the kept def the class's
native rewrite, and a second run then renamed it (t2t's td_conv
`bias_initializer=tf.zeros_initializer()`: not idempotent)."""

from __future__ import annotations

from pathlib import Path

LAYERS = '''import tensorflow as tf


def td_conv(inputs, filters, use_bias=True, bias_initializer=tf.zeros_initializer(), name=None):
    with tf.variable_scope(name, default_name="td_conv"):
        w = tf.get_variable("DW", shape=[3, 3, inputs.shape[-1], filters])
        y = tf.nn.conv2d(inputs, w, [1, 1, 1, 1], "SAME")
        if use_bias:
            y += tf.get_variable("b", shape=[filters], initializer=bias_initializer)
        return y
'''
TRAIN = '''import tensorflow as tf
from pkg.layers import td_conv


def train_op(x):
    build = lambda t: td_conv(t, 4)
    return tf.train.AdamOptimizer(0.1).minimize(tf.reduce_sum(build(x)))
'''


def test_a_kept_def_beside_its_class_is_migrated_once(tmp_path: Path, cli) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "layers.py").write_text(LAYERS)
    (pkg / "train.py").write_text(TRAIN)
    first = cli("run", str(pkg)).output
    assert "kept-tf1" in first, first
    layers = (pkg / "layers.py").read_text()
    assert "class TdConv(tf.Module)" in layers
    # the class is TF2 (native initializer), the kept TF1 def gets TF1's compat spelling
    assert "def td_conv(inputs, filters, use_bias=True, bias_initializer=tf.compat.v1.zeros_initializer()" in layers
    second = cli("run", "--dry-run", str(pkg)).output
    assert "0 would change" in second, second
