"""Calls the analysis cannot follow keep their variable scopes, and never lose a def (the whole-
repository probe's G1, G3, G8, G11): a creator imported inside a function, a refused creator named as a
value, a host that would build two modules for one scope name, a Keras layer subclass."""

from __future__ import annotations

from tests.test_project import _migrate

_LM = '''import tensorflow as tf


def dense(x, units, scope='dense'):
    with tf.variable_scope(scope):
        w = tf.get_variable('w', [x.get_shape()[1], units], initializer=tf.zeros_initializer())
        return tf.matmul(x, w)
'''


def test_a_function_local_import_keeps_the_def_and_the_callers_variable_scope() -> None:
    run = '''import tensorflow as tf


def head(x):
    from lm import dense
    with tf.variable_scope('head'):
        return dense(x, 2)


def main():
    import lm
    return lm.dense(tf.zeros([1, 3]), 2)
'''
    out = _migrate({"lm.py": _LM, "run.py": run})
    assert "def dense(" in out["lm.py"][0]  # still importable by `from lm import dense`
    assert "variable_scope('head')" in out["run.py"][0] and "name_scope" not in out["run.py"][0]


def test_a_refused_creator_named_as_a_value_keeps_the_callers_variable_scope() -> None:
    model = '''import tensorflow as tf
from lm import dense


def head(x):
    dense_fn = dense
    with tf.variable_scope('head'):
        return dense_fn(x, 2)


def tail(x, layer=dense):
    with tf.variable_scope('tail'):
        return layer(x, 2)
'''
    out = _migrate({"lm.py": _LM, "model.py": model})
    code = out["model.py"][0]
    assert "variable_scope('head')" in code and "variable_scope('tail')" in code and "name_scope" not in code


def test_a_host_building_two_modules_for_one_scope_name_is_refused() -> None:
    nets = _LM + '''

def wide(x, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable('w', [3, 4], initializer=tf.zeros_initializer())
        return tf.matmul(x, w)


def build(x, big=False):
    if big:
        q = wide(x, scope='online')
    else:
        q = dense(x, 2, scope='online')
    return tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_mean(q))
'''
    code, codes = _migrate({"nets.py": nets})["nets.py"]
    assert "name='online'" not in code  # in a graph the second module would claim online_1
    assert "unsupported-scope" in codes


def test_a_keras_layer_subclass_is_left_as_written() -> None:
    ffn = '''import tensorflow as tf


class FeedForwardNetwork(tf.layers.Layer):
    def __init__(self, hidden_size, filter_size):
        super(FeedForwardNetwork, self).__init__()
        self.filter_dense_layer = tf.layers.Dense(filter_size, activation=tf.nn.relu, name="filter_layer")
        self.output_dense_layer = tf.layers.Dense(hidden_size, name="output_layer")

    def call(self, x):
        return self.output_dense_layer(self.filter_dense_layer(x))
'''
    code, codes = _migrate({"ffn_layer.py": ffn})["ffn_layer.py"]
    assert "tf.Module" not in code and "implicit-creator" in codes  # (G11: half converted before)


def test_a_helper_called_from_a_nested_def_of_another_file_keeps_its_def(tmp_path, cli) -> None:
    """baselines' models.py: `@register("lstm") def lstm(...): def network_fn(X): ...
    utils.lstm(...)`: the nested call is not rewritten, so the file fails its trial with a stale
    reference no refusal explains; it stays as it is and utils.lstm keeps its def (it lost it)."""
    (tmp_path / "utils.py").write_text(_LM)
    (tmp_path / "models.py").write_text('''import tensorflow as tf
import utils


def network(units):
    def network_fn(x):
        with tf.variable_scope('net'):
            return utils.dense(x, units)
    return network_fn
''')
    cli("run", str(tmp_path))
    assert "def dense(" in (tmp_path / "utils.py").read_text()
    assert cli("run", "--check", str(tmp_path)).exit_code == 0
