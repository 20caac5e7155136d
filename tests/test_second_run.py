"""A second run changes nothing: patterns found on real repositories (benchmarks/repos.py)."""

from __future__ import annotations

import pytest

from migrate.transform import transform_source

CASES = {
    "softmax v2 (glow, Kyubyong/transformer)": (
        "import tensorflow as tf\n\n\ndef loss(logits, y):\n"
        "    return tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits)\n"),
    "softmax v1 wrapped once (wavenet, ACGAN)": (
        "import tensorflow as tf\n\n\ndef loss(logits, y):\n"
        "    return tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits)\n"),
}


@pytest.mark.parametrize("source", list(CASES.values()), ids=list(CASES))
def test_second_run_changes_nothing(source: str) -> None:
    once = transform_source(source, "m.py").code
    assert once != source
    assert transform_source(once, "m.py").code == once
    assert once.count("stop_gradient") <= 1


HOST_AROUND_REFUSED = '''import tensorflow as tf


def generator(x):
    w = tf.get_variable("w", [4, 4], partitioner=tf.fixed_size_partitioner(2))
    return tf.matmul(x, w)


def create_model(features):
    inp = tf.placeholder(tf.float32, [2, 4])
    with tf.variable_scope("gene") as scope:
        out = generator(features)
        scope.reuse_variables()
        again = generator(inp)
    return out, again
'''


def test_scope_around_refused_creators_stays_a_variable_scope() -> None:
    """srez's create_model: the scope names the refused generator's variables (gene/w)."""
    once = transform_source(HOST_AROUND_REFUSED, "m.py").code
    twice = transform_source(once, "m.py").code
    assert twice == once
    assert "name_scope" not in twice and 'variable_scope("gene")' in twice


EFFECTFUL_INITIALIZER = '''import tensorflow as tf

COUNTS = []


def track(init):
    COUNTS.append(1)
    return init


def layer(x, units=3):
    with tf.variable_scope("layer"):
        w = tf.get_variable("w", [x.get_shape()[-1], units], initializer=track(tf.zeros_initializer()))
        return tf.matmul(x, w)
'''


def test_get_variable_arguments_that_call_user_code_run_on_every_call() -> None:
    """Issue 12 (1): TF1 evaluated get_variable's arguments on every call, reuse or not; only the
    initial value belongs in the first-call block."""
    code = transform_source(EFFECTFUL_INITIALIZER, "m.py").code
    body = code.split("def __call__", 1)[1]
    bind = body.index("_w_initializer = track(")
    first_call = body.index("if self.w is None:")
    assert bind < first_call


def test_scope_object_used_after_its_block_is_kept() -> None:
    """tensor2tensor's `with tf.variable_scope(...) as vs:` ... `vs.name` after the block: the
    scope is not a plain naming scope (dropping `as vs` left `vs` undefined; verification refused it)."""
    source = ('import tensorflow as tf\n\n\ndef body(x):\n    with tf.variable_scope("body") as vs:\n'
              '        y = tf.nn.relu(x)\n    return y, vs.name\n')
    code = transform_source(source, "m.py").code
    assert "as vs" in code and "name_scope" not in code


def test_a_rename_to_a_v1_only_name_gets_the_compat_spelling() -> None:
    """seq2seq: tf_upgrade_v2 renames tf.contrib.rnn.LSTMStateTuple to tf.nn.rnn_cell.* (not in TF2)."""
    source = "import tensorflow as tf\n\nSTATE = tf.contrib.rnn.LSTMStateTuple\n"
    code = transform_source(source, "m.py").code
    assert "tf.compat.v1.nn.rnn_cell.LSTMStateTuple" in code


TRAINING_GRAPH = '''import tensorflow as tf


class Trainer(object):
    def __init__(self, cell):
        self.cell = cell
        with tf.variable_scope("NTM"):
            self.global_step = tf.Variable(0, trainable=False)

    def build(self, x, lengths):
        with tf.variable_scope("NTM"):
            out = self.cell(x)
            tf.get_variable_scope().reuse_variables()
            for n in lengths:
                loss = tf.reduce_sum(out) * n
                opt = tf.train.RMSPropOptimizer(0.1)
                with tf.variable_scope(tf.get_variable_scope(), reuse=n != 1):
                    self.step = opt.apply_gradients(zip(tf.gradients(loss, [out]), [out]))
'''


def test_an_optimizer_update_keeps_its_variable_scope() -> None:
    """NTM's build_model, once its cell's file was migrated (no cross-file scope left to keep it
    as it was): the optimizer makes its slot variables under the reuse scope, and the
    `reuse_variables()` before the loop guards them; neither is a naming scope."""
    once = transform_source(TRAINING_GRAPH, "ntm.py").code
    assert "reuse_variables()" in once and "reuse=n != 1" in once
    assert transform_source(once, "ntm.py").code == once


CONTRIB_PACKAGE_IMPORT = '''import tensorflow as tf
import tensorflow.contrib as tf_contrib


class Classifier:
    def __init__(self, num_classes, learning_rate):
        self.num_classes = num_classes
        self.input_x = tf.placeholder(tf.float32, [None, 4], name="input_x")
        self.global_step = tf.Variable(0, trainable=False, name="Global_Step")
        self.learning_rate = learning_rate
        self.instantiate_weights()
        self.logits = tf.matmul(self.input_x, self.W)
        self.loss_val = tf.reduce_mean(self.logits)
        self.train_op = self.train()

    def instantiate_weights(self):
        with tf.variable_scope("projection"):
            self.W = tf.get_variable("W", shape=[4, self.num_classes])

    def train(self):
        return tf_contrib.layers.optimize_loss(self.loss_val, global_step=self.global_step,
                                               learning_rate=self.learning_rate, optimizer="Adam")
'''


def test_a_stubbed_contrib_package_is_read_as_the_import_it_replaced() -> None:
    """brightmart/text_classification: `import tensorflow.contrib as tf_contrib` becomes
    `tf_contrib = _Tf1Contrib("tf.contrib")`; the second run must still see
    `tf_contrib.layers.optimize_loss` as contrib's training op (the constructor stays TF1)."""
    once = transform_source(CONTRIB_PACKAGE_IMPORT, "m.py").code
    assert '_Tf1Contrib("tf.contrib")' in once
    assert transform_source(once, "m.py").code == once


SHARED_AUTO_REUSE_SCOPE = '''import tensorflow as tf


def linear_1(h, units=4):
    with tf.variable_scope("enc", reuse=tf.AUTO_REUSE):
        g = tf.get_variable("g", [units], initializer=tf.ones_initializer())
        h = h * g
    return h


def linear_2(h, units=4):
    with tf.variable_scope("enc"):
        g = tf.get_variable("g", [units], initializer=tf.ones_initializer())
        h = h * g
    return h


def build(x, y):
    x = linear_1(x)
    return x + y
'''


def test_both_functions_sharing_an_auto_reuse_scope_stay() -> None:
    """Found by tests/test_fuzz.py: linear_1 (AUTO_REUSE) was refused for sharing 'enc' with
    linear_2, which converted; the second run, no longer seeing linear_2's scope, converted
    linear_1. Both concern the refusal: both stay."""
    once = transform_source(SHARED_AUTO_REUSE_SCOPE, "m.py")
    assert not once.functions
    assert transform_source(once.code, "m.py").code == once.code
