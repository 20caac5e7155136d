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


LAYERS_NORM = '''import tensorflow as tf


def layer_norm(x, name=None):
    with tf.variable_scope(name, default_name="layer_norm"):
        scale = tf.get_variable("scale", [x.shape[-1]], initializer=tf.ones_initializer())
        mean, var = tf.nn.moments(x, [-1], keep_dims=True)
        return (x - mean) * tf.rsqrt(var + 1e-6) * scale
'''
GRAPH_TEST = '''import tensorflow as tf
from pkg import layers


class RecomputeTest(tf.test.TestCase):

    def testRecompute(self):

        def layer(x, name=None):
            with tf.variable_scope(name, default_name="layer"):
                x = layers.layer_norm(x)
                x = tf.layers.conv1d(x, 10, 1, use_bias=False, kernel_initializer=tf.constant_initializer(42.42))
                return tf.nn.relu(x)

        x = tf.random_uniform((3, 1, 3))
        with tf.variable_scope("regular") as vs:
            out = tf.reduce_sum(layer(x))
            reg_vars = vs.trainable_variables()  # (a listing: the host keeps `layer` TF1)
        with self.test_session() as sess:
            sess.run(tf.global_variables_initializer())
            sess.run(out)
'''


def test_a_graph_hosts_nested_def_calling_creators_stays_tf1_code(tmp_path: Path, cli) -> None:
    """t2t's RecomputeTest.testRecompute: the host's nested `layer` calls a creator whose TF1 def
    stays; it is TF1 code (compat renames only) on the first run, as the second run sees it."""
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "layers.py").write_text(LAYERS_NORM)
    (pkg / "layers_test.py").write_text(GRAPH_TEST)
    cli("run", str(pkg))
    test = (pkg / "layers_test.py").read_text()
    assert "kernel_initializer=tf.compat.v1.constant_initializer(42.42)" in test, test
    assert "tf.random.uniform((3, 1, 3))" in test  # (the host's own statements: native TF2)
    second = cli("run", "--dry-run", str(pkg)).output
    assert "0 would change" in second, second
