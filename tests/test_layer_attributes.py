"""Layer objects kept on `self` and called in another method (migrate/codemod/layer_attributes.py,
through layer_objects.resolve_layer_objects): written as the functional creator at the call when
that is exactly what TF1 ran, refused with the reason otherwise."""

from __future__ import annotations

import textwrap

from migrate.codemod.layer_objects import resolve_layer_objects
from migrate.transform import transform_source

_HEAD = "import tensorflow as tf\n\n\n"


def _resolve(body: str):
    return resolve_layer_objects(_HEAD + textwrap.dedent(body), "m.py")


def test_constructor_arguments_are_kept_where_the_constructor_ran() -> None:
    r = _resolve("""
        class Model(object):
            def __init__(self, hidden):
                self.fc = tf.layers.Dense(hidden, activation=tf.nn.relu, name="fc")

            def __call__(self, x):
                with tf.variable_scope("model"):
                    return self.fc(x)
        """)
    assert "self._fc_units = hidden" in r.source
    assert 'tf.layers.dense(x, units=self._fc_units, activation=tf.nn.relu, name="fc")' in r.source
    assert "Dense(" not in r.source and r.regions == {"Model.__call__"}


def test_a_shared_layer_reuses_and_a_method_left_empty_passes() -> None:
    r = _resolve("""
        class Encoder(object):
            def __init__(self):
                self.proj = tf.layers.Dense(4, use_bias=False, name="proj")

            def encode(me, a, b):
                return me.proj(a) + me.proj(b)
        """)
    assert r.source.count('tf.layers.dense(a, units=4, use_bias=False, name="proj", '
                          'reuse=tf.AUTO_REUSE)') == 1
    assert "def __init__(self):\n        pass" in r.source


def test_layers_called_on_layers_and_batch_norm_training() -> None:
    r = _resolve("""
        class Net(object):
            def __init__(self):
                self.h = tf.layers.Dense(8)
                self.bn = tf.layers.BatchNormalization(momentum=0.9)

            def forward(self, x, training):
                return self.bn(self.h(x), training=training)
        """)
    assert ("tf.layers.batch_normalization(tf.layers.dense(x, units=8), momentum=0.9, "
            "training=training)") in r.source


def _reason(body: str) -> str:
    r = _resolve(body)
    assert r.resolved == 0, r.source
    d = r.diagnostics[0]
    assert d.code == "implicit-creator" and d.severity == "info"
    return d.message


def test_refusals_say_why() -> None:
    assert "used other than by calling it (read, reassigned or passed on, in weights)" in _reason("""
        class M(object):
            def __init__(self):
                self.fc = tf.layers.Dense(3, name="fc")

            def __call__(self, x):
                return self.fc(x)

            def weights(self):
                return self.fc.kernel
        """)
    assert "assigned a layer more than once" in _reason("""
        class M(object):
            def __init__(self, wide):
                self.fc = tf.layers.Dense(3, name="fc")
                self.fc = tf.layers.Dense(6, name="fc")

            def __call__(self, x):
                return self.fc(x)
        """)
    assert "called more than once and has no literal name" in _reason("""
        class M(object):
            def __init__(self):
                self.fc = tf.layers.Dense(3)

            def __call__(self, x, y):
                return self.fc(x), self.fc(y)
        """)
    # (called in several scopes: one layer object for the class, named at its first call,
    # layer_attributes_shared.py)
    assert 'self.fc = tf.nn.rnn_cell.layer_object("Dense", units=3, name="fc")' in _resolve("""
        class M(object):
            def __init__(self):
                self.fc = tf.layers.Dense(3, name="fc")

            def __call__(self, xs):
                out = []
                for i, x in enumerate(xs):
                    with tf.variable_scope("step%d" % i):
                        out.append(self.fc(x))
                return out
        """).source
    assert "its name is computed" in _reason("""
        class M(object):
            def __init__(self, name):
                self.fc = tf.layers.Dense(3, name=name + "_fc")

            def __call__(self, x):
                return self.fc(x)
        """)
    assert "two layers of this class are named 'fc'" in _reason("""
        class M(object):
            def __init__(self):
                self.a = tf.layers.Dense(3, name="fc")
                self.b = tf.layers.Dense(3, name="fc")

            def __call__(self, x):
                return self.b(self.a(x))
        """)


def test_the_converted_model_class_keeps_tf1_names() -> None:
    source = _HEAD + textwrap.dedent("""
        class Tower(object):
            def __init__(self, units):
                self.fc = tf.layers.Dense(units, name="fc")
                self.out = tf.layers.Dense(1)

            def __call__(self, x):
                with tf.variable_scope("tower", reuse=tf.AUTO_REUSE):
                    return self.out(self.fc(x))
        """)
    out = transform_source(source, "m.py")
    assert {f.legacy_name for f in out.functions} == {"Tower.__call__"}
    assert 'self.fc = Dense(name="fc")' in out.code and "self.dense = Dense(name='dense')" in out.code
    assert "self.fc(x, units=owner._fc_units)" in out.code
    assert "tf.layers.Dense" not in out.code and "compat.v1" not in out.code


def test_a_list_of_named_layers_iterated_once_becomes_a_loop_of_functional_calls() -> None:
    r = _resolve("""
        class Stack(object):
            def __init__(self, width, depth=2):
                self.blocks = [tf.layers.Dense(width, name="block_%d" % i) for i in range(depth)]

            def __call__(self, x):
                for block in self.blocks:
                    x = block(x)
                return x
        """)
    assert "self._blocks_count = depth\n        self._blocks_units = width" in r.source
    assert "for i in range(self._blocks_count):" in r.source
    assert 'x = tf.layers.dense(x, units=self._blocks_units, name="block_%d" % i)' in r.source


def test_lists_of_layers_kept_say_why() -> None:
    assert "the layers have no name" in _reason("""
        class Stack(object):
            def __init__(self):
                self.blocks = [tf.layers.Dense(4) for _ in range(2)]

            def __call__(self, x):
                for block in self.blocks:
                    x = block(x)
                return x
        """)
    assert "used other than by one `for layer in self.blocks:` loop" in _reason("""
        class Stack(object):
            def __init__(self):
                self.blocks = [tf.layers.Dense(4, name="b%d" % i) for i in range(2)]

            def __call__(self, x):
                return self.blocks[0](x)
        """)


def test_a_layer_built_under_a_scope_is_named_by_its_call() -> None:
    r = _resolve("""
        class Net(object):
            def __init__(self):
                with tf.variable_scope("ignored"):
                    self.fc = tf.layers.Dense(2, name="fc")

            def __call__(self, x):
                return self.fc(x)
        """)
    assert 'return tf.layers.dense(x, units=2, name="fc")' in r.source
    assert 'with tf.variable_scope("ignored"):\n            pass' in r.source
