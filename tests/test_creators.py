"""The TF2 layer library (migrate/codemod/tf2_layers.py via creators.library_source) against
TF1's implicit creators: tf.layers (tf_keras legacy layers) and contrib/slim (tf_slim).

Each case is a legacy TF1 program and its hand-written migration that uses the library the
way the codemod will (`self.fc = Dense(name="fc")` built lazily, `self.fc(x, 4, ...)`). All go
through the checker in ONE batch: names, shapes, dtypes, trainable, initial values, outputs at
the initial and at per-name random weights, gradients, regularization losses, variables after
one training-mode call (batch-norm moving statistics vs the legacy UPDATE_OPS), tf.function.
The fast tests hold SPECS against the library's signatures.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from migrate.codemod import creators

# --------------------------------------------------------------------------- fast: the table


def _library_calls() -> dict[str, ast.FunctionDef]:
    tree = ast.parse(creators._LIBRARY_FILE.read_text(encoding="utf-8"))
    calls = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__call__":
                    calls[node.name] = item
    return calls


def test_specs_match_the_library_signatures() -> None:
    calls = _library_calls()
    for api, spec in creators.SPECS.items():
        call = calls[spec.class_name]
        params = [a.arg for a in call.args.args][1:]  # without self
        assert tuple(params) == spec.call_params(), api
        defaults = dict(zip(params[len(params) - len(call.args.defaults):], call.args.defaults))
        for name in spec.call_params()[1:]:
            assert name in spec.defaults or name not in defaults, (api, name)
            if name in defaults:
                library = ast.unparse(defaults[name])
                legacy = spec.defaults[name]
                # contrib's xavier default is drawn by the class (None = the library default)
                assert library == ast.unparse(ast.parse(legacy, mode="eval").body), (api, name)
        assert spec.scope_param in spec.params and spec.defaults[spec.scope_param] == "None"
        init = ast.unparse(next(s for s in ast.walk(ast.parse(creators.library_source(
            [spec.class_name]))) if isinstance(s, ast.ClassDef) and s.name == spec.class_name))
        assert repr(spec.default_name) in init.replace('"', "'"), api


def test_library_source_is_minimal_deterministic_and_plain_tf2() -> None:
    dense = creators.library_source(["Dense"])
    assert "class Dense(" in dense and "class Conv2D(" not in dense
    assert "_tf1_glorot_uniform" in dense and "_contrib_xavier_uniform" not in dense
    assert dense == creators.library_source(["Dense"])
    everything = creators.library_source(creators.library_names())
    ast.parse(everything)
    imported = {n.names[0].name for n in ast.walk(ast.parse(everything))
                if isinstance(n, (ast.Import, ast.ImportFrom))}
    assert imported == {"math", "tensorflow"}
    assert "tf.compat" not in everything
    assert creators.library_source([]) == ""
    with pytest.raises(KeyError):
        creators.library_source(["NoSuchLayer"])
    fc = creators.library_source(["FullyConnected"])
    assert "class Dense(" in fc  # its base comes along


def test_spec_apis_are_what_tfapi_gives() -> None:
    import libcst as cst

    from migrate.codemod.tfapi import collect_tf_names

    source = ("import tensorflow as tf\nimport tensorflow.contrib.slim as slim\n"
              "from tensorflow.contrib import layers\n")
    names = collect_tf_names(ast.parse(source))
    for text, api in (("tf.layers.dense", "layers.dense"),
                      ("tf.contrib.layers.fully_connected", "contrib.layers.fully_connected"),
                      ("slim.conv2d", "contrib.slim.conv2d"),
                      ("layers.batch_norm", "contrib.layers.batch_norm")):
        assert names.api(cst.parse_expression(text)) == api
        assert api in creators.SPECS


# --------------------------------------------------------------------------- slow: the checker

HEADER = "import tensorflow as tf\n"

CASES: dict[str, dict] = {}


def case(name: str, inputs: dict[str, str], legacy: str, migrated: str, classes: list[str]) -> None:
    CASES[name] = {"inputs": inputs, "legacy": textwrap.dedent(legacy),
                   "migrated": textwrap.dedent(migrated), "classes": classes}


case("dense", {"x": "float32[2,5]"}, """
    import tensorflow as tf

    def build(x):
        with tf.variable_scope("disc"):
            h = tf.layers.dense(x, 4, activation=tf.nn.relu, name="fc",
                                kernel_regularizer=lambda w: 0.01 * tf.nn.l2_loss(w))
            y = tf.layers.dense(h, 3)
            z = tf.layers.dense(h, 3, use_bias=False, trainable=False)
        return y, z
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            self.fc = self.dense = self.dense_1 = None

        def __call__(self, x):
            with tf.name_scope("disc/"):
                if self.fc is None:
                    self.fc = Dense(name="fc")
                    self.dense = Dense(name="dense")
                    self.dense_1 = Dense(name="dense_1")
                h = self.fc(x, 4, activation=tf.nn.relu,
                            kernel_regularizer=lambda w: 0.01 * tf.nn.l2_loss(w))
                y = self.dense(h, 3)
                z = self.dense_1(h, 3, use_bias=False, trainable=False)
            return y, z
    """, ["Dense"])

case("dense_3d_conv1d", {"x": "float32[2,7,3]"}, """
    import tensorflow as tf

    def build(x):
        h = tf.layers.conv1d(x, 4, 3, padding="same", activation=tf.nn.tanh)
        h = tf.layers.conv1d(h, 2, 2, strides=2)
        return tf.layers.dense(h, 3)
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            self.conv1d = Conv1D(name="conv1d")
            self.conv1d_1 = Conv1D(name="conv1d_1")
            self.dense = Dense(name="dense")

        def __call__(self, x):
            h = self.conv1d(x, 4, 3, padding="same", activation=tf.nn.tanh)
            h = self.conv1d_1(h, 2, 2, strides=2)
            return self.dense(h, 3)
    """, ["Conv1D", "Dense"])

case("conv_bn_deconv", {"x": "float32[2,6,6,3]"}, """
    import tensorflow as tf

    def build(x):
        with tf.variable_scope("gen"):
            h = tf.layers.conv2d(x, 4, 3, strides=2, padding="same", name="c1")
            h = tf.nn.relu(tf.layers.batch_normalization(h, training=True, name="bn1"))
            h = tf.layers.conv2d_transpose(h, 2, 3, strides=2, padding="same")
            v = tf.layers.conv2d(x, 2, (3, 3), dilation_rate=1)
            v = tf.layers.conv2d_transpose(v, 2, (3, 2), strides=(2, 1))
            i = tf.layers.batch_normalization(v)  # inference by default
        return h, v, i
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("gen/"):
                self.c1 = Conv2D(name="c1")
                self.bn1 = BatchNormalization(name="bn1")
                self.deconv = Conv2DTranspose(name="conv2d_transpose")
                self.conv = Conv2D(name="conv2d")
                self.deconv_1 = Conv2DTranspose(name="conv2d_transpose_1")
                self.bn = BatchNormalization(name="batch_normalization")

        def __call__(self, x):
            h = self.c1(x, 4, 3, strides=2, padding="same")
            h = tf.nn.relu(self.bn1(h, training=True))
            h = self.deconv(h, 2, 3, strides=2, padding="same")
            v = self.conv(x, 2, (3, 3), dilation_rate=1)
            v = self.deconv_1(v, 2, (3, 2), strides=(2, 1))
            i = self.bn(v)
            return h, v, i
    """, ["Conv2D", "BatchNormalization", "Conv2DTranspose"])

case("bn_2d_and_options", {"x": "float32[4,3]", "y": "float32[2,3,3,2]"}, """
    import tensorflow as tf

    def build(x, y):
        a = tf.layers.batch_normalization(x, training=True, momentum=0.9)  # non-fused
        b = tf.layers.batch_normalization(y, training=True, center=False, epsilon=1e-2)
        c = tf.layers.batch_normalization(y, training=True, fused=False, scale=False)
        d = tf.layers.batch_normalization(x, axis=1, gamma_regularizer=lambda g: tf.reduce_sum(g))
        return a, b, c, d
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            self.bns = [BatchNormalization(name="batch_normalization" + s)
                        for s in ("", "_1", "_2", "_3")]

        def __call__(self, x, y):
            a = self.bns[0](x, training=True, momentum=0.9)
            b = self.bns[1](y, training=True, center=False, epsilon=1e-2)
            c = self.bns[2](y, training=True, fused=False, scale=False)
            d = self.bns[3](x, axis=1, gamma_regularizer=lambda g: tf.reduce_sum(g))
            return a, b, c, d
    """, ["BatchNormalization"])

case("slim_net", {"x": "float32[2,6,6,3]"}, """
    import tensorflow as tf
    import tensorflow.contrib.slim as slim

    def build(x):
        with tf.variable_scope("net"):
            net = slim.conv2d(x, 4, [3, 3], scope="conv1")
            net = slim.batch_norm(net, scale=True)
            net = tf.contrib.layers.conv2d(net, 4, 3, stride=2)
            net = tf.contrib.layers.convolution2d(net, 3, 1, activation_fn=None)
            net = slim.conv2d_transpose(net, 2, 3, stride=2)
            flat = tf.reshape(net, [2, -1])
            f = slim.fully_connected(flat, 5, weights_regularizer=lambda w: 0.1 * tf.nn.l2_loss(w))
            f = tf.contrib.layers.batch_norm(f, updates_collections=None)
            f = tf.contrib.layers.layer_norm(f)
            f = slim.fully_connected(f, 3, activation_fn=None)
        return f, net
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("net/"):
                self.conv1 = ContribConv2D(name="conv1")
                self.bn = ContribBatchNorm()
                self.conv = ContribConv2D()
                self.conv_1 = ContribConv2D(name="Conv_1")
                self.deconv = ContribConv2DTranspose()
                self.fc = FullyConnected()
                self.bn_1 = ContribBatchNorm(name="BatchNorm_1")
                self.ln = LayerNorm()
                self.fc_1 = FullyConnected(name="fully_connected_1")

        def __call__(self, x):
            net = self.conv1(x, 4, [3, 3])
            net = self.bn(net, scale=True)
            net = self.conv(net, 4, 3, stride=2)
            net = self.conv_1(net, 3, 1, activation_fn=None)
            net = self.deconv(net, 2, 3, stride=2)
            flat = tf.reshape(net, [2, -1])
            f = self.fc(flat, 5, weights_regularizer=lambda w: 0.1 * tf.nn.l2_loss(w))
            f = self.bn_1(f, updates_collections=None)
            f = self.ln(f)
            f = self.fc_1(f, 3, activation_fn=None)
            return f, net
    """, ["ContribConv2D", "ContribBatchNorm", "ContribConv2DTranspose", "FullyConnected",
          "LayerNorm"])

case("slim_bn_modes", {"x": "float32[2,4,4,3]", "v": "float32[3,2]"}, """
    import tensorflow as tf
    from tensorflow.contrib import slim

    def build(x, v):
        a = slim.batch_norm(x, updates_collections=None, decay=0.9)  # slim's own fused path
        b = slim.batch_norm(x, is_training=False, center=False)
        c = slim.batch_norm(v, scale=True, decay=0.5)                 # 2-D, UPDATE_OPS
        d = slim.layer_norm(x, begin_norm_axis=-1, center=False)
        return a, b, c, d
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            self.a = ContribBatchNorm()
            self.b = ContribBatchNorm(name="BatchNorm_1")
            self.c = ContribBatchNorm(name="BatchNorm_2")
            self.d = LayerNorm()

        def __call__(self, x, v):
            a = self.a(x, updates_collections=None, decay=0.9)
            b = self.b(x, is_training=False, center=False)
            c = self.c(v, scale=True, decay=0.5)
            d = self.d(x, begin_norm_axis=-1, center=False)
            return a, b, c, d
    """, ["ContribBatchNorm", "LayerNorm"])

case("embed_sequence", {"ids": "int32[2,5]"}, """
    import tensorflow as tf

    def build(ids):
        with tf.variable_scope("enc"):
            e = tf.contrib.layers.embed_sequence(ids, vocab_size=6, embed_dim=4)
            u = tf.contrib.layers.embed_sequence(ids, 6, 3, unique=True, scope="emb")
        return e, u
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("enc/"):
                self.e = EmbedSequence()
                self.u = EmbedSequence(name="emb")

        def __call__(self, ids):
            return self.e(ids, vocab_size=6, embed_dim=4), self.u(ids, 6, 3, unique=True)
    """, ["EmbedSequence"])

# A broken migration the new check must catch: moving statistics never updated.
BROKEN_BN = """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("gen/"):
                self.c1 = Conv2D(name="c1")
                self.bn1 = BatchNormalization(name="bn1")
                self.deconv = Conv2DTranspose(name="conv2d_transpose")
                self.conv = Conv2D(name="conv2d")
                self.deconv_1 = Conv2DTranspose(name="conv2d_transpose_1")
                self.bn = BatchNormalization(name="batch_normalization")

        def __call__(self, x):
            h = self.c1(x, 4, 3, strides=2, padding="same")
            mean, variance = self.bn1.moving_mean, self.bn1.moving_variance
            if mean is not None:
                saved = mean.numpy(), variance.numpy()
            h = tf.nn.relu(self.bn1(h, training=True))
            if mean is not None:  # undo the update: what a migration without it would do
                mean.assign(saved[0])
                variance.assign(saved[1])
            h = self.deconv(h, 2, 3, strides=2, padding="same")
            v = self.conv(x, 2, (3, 3), dilation_rate=1)
            v = self.deconv_1(v, 2, (3, 2), strides=(2, 1))
            return h, v, self.bn(v)
"""


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from migrate.checker import check_many

    root = tmp_path_factory.mktemp("creators")
    entries = []
    for name, spec in CASES.items():
        (root / f"{name}_legacy.py").write_text(spec["legacy"], encoding="utf-8")
        migrated = creators.library_source(spec["classes"]) + "\n\n" + spec["migrated"]
        (root / f"{name}_tf2.py").write_text(migrated, encoding="utf-8")
        entries.append({"legacy": str(root / f"{name}_legacy.py") + ":build",
                        "migrated": str(root / f"{name}_tf2.py") + ":Build",
                        "inputs": spec["inputs"], "label": name, "tf_function": True})
    broken = creators.library_source(CASES["conv_bn_deconv"]["classes"]) + "\n\n" + \
        textwrap.dedent(BROKEN_BN)
    (root / "broken_bn_tf2.py").write_text(broken, encoding="utf-8")
    entries.append({"legacy": str(root / "conv_bn_deconv_legacy.py") + ":build",
                    "migrated": str(root / "broken_bn_tf2.py") + ":Build",
                    "inputs": CASES["conv_bn_deconv"]["inputs"], "label": "broken_bn"})
    results = check_many(entries)
    return dict(zip(list(CASES) + ["broken_bn"], results))


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


@pytest.mark.slow
def test_batch_norm_statistics_are_compared(verdicts: dict) -> None:
    for name in ("conv_bn_deconv", "bn_2d_and_options", "slim_net", "slim_bn_modes"):
        check = next(c for c in verdicts[name].checks if c.name == "variables after a training call")
        assert check.ok, verdicts[name].table()
    broken = verdicts["broken_bn"]
    assert not broken.equivalent
    failed = [c.name for c in broken.checks if c.ok is False]
    assert failed == ["variables after a training call"], broken.table()
    assert "gen/bn1/moving_mean:0" in broken.table()


def test_library_source_is_a_fixed_point_of_the_codemod() -> None:
    """Migrated files carry the library: running the tool again must not rewrite it (the
    upgrade stage would turn tf.zeros_initializer() into tf.compat.v1.zeros_initializer())."""
    from migrate.transform import transform_source

    everything = creators.library_source(creators.library_names())
    assert transform_source(everything, "layers.py").code == everything
