"""Layer objects on `self` called from several methods, or from a method run in more than one
place (migrate/codemod/layer_attributes_shared.py): TF1's layer object kept the variables of its
first call for every later one, which one module per calling name scope would not, so it becomes
one library LayerObject for the class; refused with the reason where that is not exact."""

from __future__ import annotations

import textwrap

from migrate.codemod.layer_objects import resolve_layer_objects
from migrate.transform import transform_source

_HEAD = "import tensorflow as tf\n\n\n"


def _resolve(body: str):
    return resolve_layer_objects(_HEAD + textwrap.dedent(body), "m.py")


def test_a_method_called_under_two_scopes_keeps_one_layer_object() -> None:
    r = _resolve("""
        class Classifier(object):
            def __init__(self, n_classes=10):
                self.fc = tf.layers.Dense(n_classes, name="fc")

            def logits(self, x):
                return self.fc(x)

            def build(self, x, x2):
                with tf.variable_scope("a"):
                    l1 = self.logits(x)
                with tf.variable_scope("b"):
                    l2 = self.logits(x2)
                return l1, l2
        """)
    # one object for the class, named at its first call (layer_attributes_shared.py)
    assert 'self.fc = tf.nn.rnn_cell.layer_object("Dense", units=n_classes, name="fc")' in r.source
    assert "return tf.nn.rnn_cell.layer_call(self.fc, x, scope='fc', reuse=tf.AUTO_REUSE)" in r.source


def test_a_method_called_twice_in_one_scope_still_converts() -> None:
    r = _resolve("""
        class Classifier(object):
            def __init__(self, n_classes=10):
                self.fc = tf.layers.Dense(n_classes, name="fc")

            def logits(self, x):
                return self.fc(x)

            def build(self, x, x2):
                with tf.variable_scope("clf"):
                    return self.logits(x), self.logits(x2)
        """)
    assert "tf.layers.Dense(" not in r.source
    assert 'tf.layers.dense(x, units=self._fc_units, name="fc")' in r.source


_TWO_METHODS = """
    class Model(object):
        def __init__(self, n_classes=10):
            self.fc = tf.layers.Dense(n_classes, name=NAME)

        def train_logits(self, x):
            with tf.variable_scope("model"):
                return self.fc(x)

        def sample(self, x):
            with tf.variable_scope("model", reuse=True):
                return tf.nn.softmax(self.fc(x))
    """


def test_two_methods_build_one_library_layer_object() -> None:
    source = _HEAD + textwrap.dedent(_TWO_METHODS.replace("NAME", '"fc"'))
    out = transform_source(source, "m.py")
    assert 'self.fc = LayerObject(Dense, units=n_classes, name="fc")' in out.code
    assert "LayerCall(name='fc')" in out.code and "owner.fc" in out.code
    assert "tf.compat.v1" not in out.code and "rnn_cell.layer_" not in out.code
    assert {f.legacy_name for f in out.functions} == {"Model.train_logits", "Model.sample"}


def test_refusals_say_why() -> None:
    def reason(source: str) -> str:
        r = _resolve(source)
        assert "tf.layers.Dense(" in r.source
        return " ".join(d.message for d in r.diagnostics)

    assert "no literal name" in reason(_TWO_METHODS.replace("NAME", "None"))
    assert "also spelled elsewhere" in reason(_TWO_METHODS.replace("NAME", '"model"'))
    assert "also spelled elsewhere" in reason(_TWO_METHODS.replace("NAME", '"dense"'))
    assert "opens name scopes" in reason(_TWO_METHODS.replace("NAME", '"fc"').replace(
        'tf.variable_scope("model", reuse=True)', 'tf.name_scope("sampler")'))
    assert "also makes variables" in reason(_TWO_METHODS.replace("NAME", '"fc"').replace(
        "self.fc = tf.layers.Dense(n_classes", 'self.w = tf.get_variable("w", [3])\n'
        "            self.fc = tf.layers.Dense(n_classes"))
