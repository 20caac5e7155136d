"""Layer objects on `self` whose calling method runs in more than one place (migrate/codemod/
layer_attributes.py): TF1's layer object kept the variables of its first call for every later
one, which one module per calling name scope would not, so the layer stays TF1 with the reason."""

from __future__ import annotations

import textwrap

from migrate.codemod.layer_objects import resolve_layer_objects

_HEAD = "import tensorflow as tf\n\n\n"


def _resolve(body: str):
    return resolve_layer_objects(_HEAD + textwrap.dedent(body), "m.py")


def test_a_method_called_under_two_scopes_keeps_its_layer() -> None:
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
    assert "tf.layers.Dense(n_classes" in r.source
    assert any("logits() is called from several places" in d.message for d in r.diagnostics)


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
