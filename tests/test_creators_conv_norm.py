"""The layer library's 3-D / separable convolutions, instance norm and bias add against TF1
(tf_keras legacy layers for tf.layers, tf_slim for contrib/slim), through the checker in ONE
batch, in the style of tests/test_creators.py: each case is a legacy program and the migration
the codemod writes for it (lazily built library modules, legacy arguments in the call)."""

from __future__ import annotations

import textwrap

import pytest

from migrate.codemod import creators

CASES: dict[str, dict] = {}


def case(name: str, inputs: dict[str, str], legacy: str, migrated: str, classes: list[str]) -> None:
    CASES[name] = {"inputs": inputs, "legacy": textwrap.dedent(legacy),
                   "migrated": textwrap.dedent(migrated), "classes": classes}


case("conv3d", {"clip": "float32[2,4,6,6,3]"}, """
    import tensorflow as tf

    def build(clip):
        with tf.variable_scope("video"):
            h = tf.layers.conv3d(clip, 4, 3, padding="same", activation=tf.nn.relu, name="c1")
            h = tf.layers.conv3d(h, 5, (2, 3, 3), strides=(1, 2, 2))
            g = tf.layers.conv3d(clip, 2, 1, use_bias=False,
                                 kernel_regularizer=lambda w: 0.1 * tf.nn.l2_loss(w))
        return h, g
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("video/"):
                self.c1 = Conv3D(name="c1")
                self.conv3d = Conv3D()
                self.conv3d_1 = Conv3D(name="conv3d_1")

        def __call__(self, clip):
            h = self.c1(clip, 4, 3, padding="same", activation=tf.nn.relu)
            h = self.conv3d(h, 5, (2, 3, 3), strides=(1, 2, 2))
            g = self.conv3d_1(clip, 2, 1, use_bias=False,
                              kernel_regularizer=lambda w: 0.1 * tf.nn.l2_loss(w))
            return h, g
    """, ["Conv3D"])

case("separable", {"x": "float32[2,8,8,3]", "s": "float32[2,9,4]"}, """
    import tensorflow as tf

    def build(x, s):
        with tf.variable_scope("sep"):
            a = tf.layers.separable_conv2d(x, 6, 3, strides=(2, 2), padding="same",
                                           depth_multiplier=2, activation=tf.nn.relu)
            b = tf.layers.separable_conv2d(a, 4, (3, 3), dilation_rate=(2, 2), use_bias=False,
                                           padding="same",
                                           depthwise_initializer=tf.truncated_normal_initializer(stddev=0.02),
                                           name="dil")
            c = tf.layers.separable_conv1d(s, 5, 3, padding="same")
            d = tf.layers.separable_conv1d(c, 3, 2, strides=2, depth_multiplier=3,
                                           pointwise_regularizer=lambda w: tf.reduce_sum(w * w))
            e = tf.layers.separable_conv1d(s, 2, 3, padding="causal", dilation_rate=2)
        return a, b, c, d, e
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("sep/"):
                self.a = SeparableConv2D()
                self.b = SeparableConv2D(name="dil")
                self.c = SeparableConv1D()
                self.d = SeparableConv1D(name="separable_conv1d_1")
                self.e = SeparableConv1D(name="separable_conv1d_2")

        def __call__(self, x, s):
            a = self.a(x, 6, 3, strides=(2, 2), padding="same", depth_multiplier=2,
                       activation=tf.nn.relu)
            b = self.b(a, 4, (3, 3), dilation_rate=(2, 2), use_bias=False, padding="same",
                       depthwise_initializer=lambda shape, dtype=tf.float32:
                       tf.random.truncated_normal(shape, 0.0, 0.02, dtype))
            c = self.c(s, 5, 3, padding="same")
            d = self.d(c, 3, 2, strides=2, depth_multiplier=3,
                       pointwise_regularizer=lambda w: tf.reduce_sum(w * w))
            e = self.e(s, 2, 3, padding="causal", dilation_rate=2)
            return a, b, c, d, e
    """, ["SeparableConv2D", "SeparableConv1D"])

case("slim_convs", {"x": "float32[2,8,8,3]", "s": "float32[2,7,3]", "v": "float32[2,3,4,4,2]"}, """
    import tensorflow as tf
    import tensorflow.contrib.slim as slim

    def build(x, s, v):
        with tf.variable_scope("net"):
            a = slim.separable_conv2d(x, 8, [3, 3], depth_multiplier=1, scope="sep1")
            b = slim.separable_conv2d(a, None, 3, depth_multiplier=2, stride=2)   # depthwise only
            c = tf.contrib.layers.separable_convolution2d(b, 4, 3, rate=2, activation_fn=None,
                                                          biases_initializer=None)
            d = slim.conv1d(s, 4, 3)
            e = tf.contrib.layers.conv3d(v, 3, [2, 3, 3], stride=[1, 2, 2], activation_fn=tf.nn.tanh)
            f = slim.convolution1d(d, 2, 1, padding="VALID", activation_fn=None)
        return c, e, f
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("net/"):
                self.sep1 = ContribSeparableConv2D(name="sep1")
                self.sep = ContribSeparableConv2D()
                self.sep_1 = ContribSeparableConv2D(name="SeparableConv2d_1")
                self.conv = ContribConv1D()
                self.conv_1 = ContribConv3D(name="Conv_1")
                self.conv_2 = ContribConv1D(name="Conv_2")

        def __call__(self, x, s, v):
            a = self.sep1(x, 8, [3, 3], depth_multiplier=1)
            b = self.sep(a, None, 3, depth_multiplier=2, stride=2)
            c = self.sep_1(b, 4, 3, rate=2, activation_fn=None, biases_initializer=None)
            d = self.conv(s, 4, 3)
            e = self.conv_1(v, 3, [2, 3, 3], stride=[1, 2, 2], activation_fn=tf.nn.tanh)
            f = self.conv_2(d, 2, 1, padding="VALID", activation_fn=None)
            return c, e, f
    """, ["ContribSeparableConv2D", "ContribConv1D", "ContribConv3D"])

case("instance_norm_bias_add", {"x": "float32[2,5,5,3]", "y": "float32[2,3,4,4]",
                                "z": "float32[3,6]"}, """
    import tensorflow as tf
    import tensorflow.contrib as tf_contrib
    import tensorflow.contrib.slim as slim

    def build(x, y, z):
        with tf.variable_scope("gen"):
            a = tf_contrib.layers.instance_norm(x, epsilon=1e-05, center=True, scale=True,
                                                scope="ins_norm")
            b = tf.contrib.layers.instance_norm(a, activation_fn=tf.nn.relu)
            c = slim.instance_norm(y, data_format="NCHW", center=False)
            d = slim.bias_add(z, activation_fn=tf.nn.relu,
                              initializer=tf.constant_initializer(0.5))
            e = tf.contrib.layers.bias_add(y, data_format="NCHW",
                                           regularizer=lambda b: tf.reduce_sum(b))
        return b, c, d, e
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("gen/"):
                self.a = InstanceNorm(name="ins_norm")
                self.b = InstanceNorm()
                self.c = InstanceNorm(name="InstanceNorm_1")
                self.d = ContribBiasAdd()
                self.e = ContribBiasAdd(name="BiasAdd_1")

        def __call__(self, x, y, z):
            a = self.a(x, epsilon=1e-05, center=True, scale=True)
            b = self.b(a, activation_fn=tf.nn.relu)
            c = self.c(y, data_format="NCHW", center=False)
            d = self.d(z, activation_fn=tf.nn.relu, initializer=tf.constant_initializer(0.5))
            e = self.e(y, data_format="NCHW", regularizer=lambda b: tf.reduce_sum(b))
            return b, c, d, e
    """, ["InstanceNorm", "ContribBiasAdd"])


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from migrate.checker import check_many

    root = tmp_path_factory.mktemp("creators_conv_norm")
    entries = []
    for name, spec in CASES.items():
        (root / f"{name}_legacy.py").write_text(spec["legacy"], encoding="utf-8")
        migrated = creators.library_source(spec["classes"]) + "\n\n" + spec["migrated"]
        (root / f"{name}_tf2.py").write_text(migrated, encoding="utf-8")
        entries.append({"legacy": str(root / f"{name}_legacy.py") + ":build",
                        "migrated": str(root / f"{name}_tf2.py") + ":Build",
                        "inputs": spec["inputs"], "label": name, "tf_function": True})
    return dict(zip(CASES, check_many(entries)))


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_library_class_is_equivalent_to_tf1(verdicts: dict, name: str) -> None:
    verdict = verdicts[name]
    assert verdict.equivalent, verdict.table()
    checks = {c.name: c for c in verdict.checks}
    for required in ("variables", "initial values", "outputs (initial weights)",
                     "outputs (per-name random weights)", "gradients", "tf.function",
                     "second call"):
        assert checks[required].ok, verdict.table()
