"""A class whose constructor makes variables stays TF1 where TF1 code relied on the scope it is
built under (P's H8, H9, H10: the PTB tutorial's train / valid models under `reuse=True` and a
scope initializer), or where a method with inputs of its own reads a tensor the constructor
computed from its variables (P's H3: a converted constructor computes it once). All four had
converted silently: unshared models with the same names, glorot values where TF1 drew
uniform(-0.1, 0.1), a stale embedding table no gradient reaches."""

from __future__ import annotations

from pathlib import Path

_LM = '''import tensorflow as tf


class LM(object):
    def __init__(self, x):
        w = tf.get_variable("softmax_w", [3, 2])
        self.logits = tf.matmul(x, w)
'''

_TRAIN_AND_VALID = '''

def train_and_valid(x):
    with tf.variable_scope("Model", reuse=None):
        m = LM(x)
    with tf.variable_scope("Model", reuse=True):
        mvalid = LM(x * 2.0)
    return m.logits, mvalid.logits
'''

_INITIALIZED = '''

def build(x):
    with tf.variable_scope("Model", initializer=tf.random_uniform_initializer(-0.1, 0.1)):
        return LM(x).logits
'''


def test_a_model_built_again_under_a_reusing_scope_keeps_its_class_tf1(tmp_path: Path, cli) -> None:
    (tmp_path / "m.py").write_text(_LM + _TRAIN_AND_VALID)
    out = cli("run", str(tmp_path)).output
    assert "functions converted: 0" in out, out
    assert "LM is built under a variable scope with reuse=True (line" in out
    assert "class LM(object):" in (tmp_path / "m.py").read_text()


def test_a_scope_initializer_around_a_model_keeps_its_class_tf1(tmp_path: Path, cli) -> None:
    (tmp_path / "m.py").write_text(_LM + _INITIALIZED)
    out = cli("run", str(tmp_path)).output
    assert "functions converted: 0" in out, out
    assert "with initializer=tf.random_uniform_initializer(-0.1, 0.1)" in out


def test_another_files_reusing_scope_keeps_the_class_tf1(tmp_path: Path, cli) -> None:
    (tmp_path / "lm.py").write_text(_LM)
    (tmp_path / "main.py").write_text("import tensorflow as tf\nfrom lm import LM\n" + _TRAIN_AND_VALID)
    out = cli("run", str(tmp_path)).output
    assert "functions converted: 0" in out, out
    assert "LM.__init__ left unchanged" in out and "(main.py:" in out
    assert "class LM(object):" in (tmp_path / "lm.py").read_text()
    assert "cross-file conversion is not supported" not in out  # (it names what it keeps instead)


def test_a_model_built_plainly_still_converts(tmp_path: Path, cli) -> None:
    (tmp_path / "m.py").write_text(_LM + '''

def build(x):
    with tf.variable_scope("Model"):
        return LM(x).logits
''')
    out = cli("run", str(tmp_path)).output
    assert "LMInit" in out, out


def test_a_tensor_the_constructor_derives_from_a_variable_is_recomputed_on_every_read(
        tmp_path: Path, cli) -> None:
    (tmp_path / "model.py").write_text('''import tensorflow as tf


class LM(object):
    def __init__(self, vocab, units):
        with tf.variable_scope("shared"):
            table = tf.get_variable("table", [vocab, units], initializer=tf.ones_initializer())
        self.embeddings = tf.concat((tf.zeros([1, units]), table[1:, :]), 0)

    def logits(self, ids):
        with tf.variable_scope("out"):
            h = tf.nn.embedding_lookup(self.embeddings, ids)
            return tf.matmul(h, tf.transpose(self.embeddings))
''')
    out = cli("run", "-v", str(tmp_path)).output
    assert "functions converted: 1" in out, out
    migrated = (tmp_path / "model.py").read_text()
    # recomputed on every read, as TF1's graph recomputed it on every run (recomputed_attributes.py)
    assert "owner._compute_embeddings = lambda: tf.concat((tf.zeros([1, units]), table[1:, :]), 0)" in migrated
    assert "    @property\n    def embeddings(self):\n" in migrated
    assert "return self._compute_embeddings()" in migrated


def test_a_derived_tensor_that_draws_random_values_keeps_the_class_tf1(tmp_path: Path, cli) -> None:
    """A second evaluation of a dropout would draw another mask than the one TF1 shared between
    the tensor's readers in a run: the class stays TF1 (P's H3)."""
    (tmp_path / "model.py").write_text('''import tensorflow as tf


class LM(object):
    def __init__(self, vocab, units):
        with tf.variable_scope("shared"):
            table = tf.get_variable("table", [vocab, units], initializer=tf.ones_initializer())
        self.embeddings = tf.nn.dropout(table, rate=0.1)

    def logits(self, ids):
        return tf.nn.embedding_lookup(self.embeddings, ids)
''')
    out = cli("run", "-v", str(tmp_path)).output
    assert "functions converted: 0" in out, out
    assert "stores a tensor computed from its variables in self.embeddings, which logits() reads" in out


def test_a_derived_tensor_read_from_a_computed_local_keeps_the_class_tf1(tmp_path: Path, cli) -> None:
    """A stored computation would hold the local tensor computed once (stale in eager code)."""
    (tmp_path / "model.py").write_text('''import tensorflow as tf


class LM(object):
    def __init__(self, vocab, units):
        table = tf.get_variable("table", [vocab, units])
        scaled = table * 2.0
        self.embeddings = tf.concat((tf.zeros([1, units]), scaled[1:, :]), 0)

    def logits(self, ids):
        return tf.nn.embedding_lookup(self.embeddings, ids)
''')
    out = cli("run", "-v", str(tmp_path)).output
    assert "functions converted: 0" in out, out
    assert "stores a tensor computed from its variables in self.embeddings" in out


def test_a_tensor_a_creating_helper_returns_is_recomputed_through_the_helpers_module(tmp_path: Path, cli) -> None:
    """P's H26: Kyubyong's get_token_embeddings returns tf.concat((zeros, table[1:]), 0)."""
    (tmp_path / "model.py").write_text('''import tensorflow as tf


def get_token_embeddings(vocab, units, zero_pad=True):
    with tf.variable_scope("shared_weight_matrix"):
        table = tf.get_variable("weight_mat", [vocab, units], initializer=tf.ones_initializer())
        if zero_pad:
            table = tf.concat((tf.zeros([1, units]), table[1:, :]), 0)
    return table


class LM(object):
    def __init__(self, vocab, units):
        self.embeddings = get_token_embeddings(vocab, units)

    def logits(self, ids):
        return tf.matmul(tf.nn.embedding_lookup(self.embeddings, ids), tf.transpose(self.embeddings))
''')
    out = cli("run", "-v", str(tmp_path)).output
    assert "functions converted: 2" in out, out
    migrated = (tmp_path / "model.py").read_text()
    assert "owner._compute_embeddings = lambda: self.shared_weight_matrix(vocab, units)" in migrated, migrated


def test_a_variable_or_a_constant_chosen_by_a_flag_is_not_a_derived_tensor(tmp_path: Path, cli) -> None:
    """BEGAN's LayerConv: `self.bias = tf.Variable(...) if use_bias else 0` stores the variable
    itself (or a constant), which a module keeps as TF1 did; the bias is made only when asked for."""
    (tmp_path / "layers.py").write_text('''import tensorflow as tf


class LayerConv(object):
    def __init__(self, name, n_in, n_out, use_bias=True):
        with tf.variable_scope(name):
            self.conv = tf.get_variable("conv", [3, 3, n_in, n_out])
            self.bias = tf.get_variable("bias", [n_out], initializer=tf.zeros_initializer()) if use_bias else 0

    def __call__(self, x):
        return tf.nn.conv2d(x, self.conv, [1, 1, 1, 1], "SAME") + self.bias
''')
    out = cli("run", "-v", str(tmp_path)).output
    assert "stores a tensor computed" not in out, out
    assert "functions converted: 1" in out, out
    assert "if use_bias and self.bias is None:" in (tmp_path / "layers.py").read_text()
