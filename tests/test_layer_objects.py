"""tf.layers layer objects written as their functional creators (migrate/codemod/layer_objects.py):
when that is exactly what TF1 ran, and the precise reason when it is not."""

from __future__ import annotations

import textwrap

from migrate.codemod.layer_objects import resolve_layer_objects


def _resolve(body: str):
    return resolve_layer_objects("import tensorflow as tf\n\n\n" + textwrap.dedent(body), "m.py")


def test_one_call_becomes_the_functional_creator_with_keywords() -> None:
    r = _resolve("""
        def block(x, width):
            with tf.variable_scope("block"):
                conv = tf.layers.SeparableConv1D(width, 3, padding="same", name="sep")
                return conv.apply(x)
        """)
    assert "tf.layers.separable_conv1d(x, filters=width, kernel_size=3, padding=\"same\", " \
           "name=\"sep\")" in r.source
    assert "SeparableConv1D" not in r.source and r.regions == {"block"}


def test_repeated_calls_share_through_auto_reuse() -> None:
    r = _resolve("""
        def decode(state, steps):
            out = tf.layers.Dense(4, name="out")
            for _ in range(steps):
                state = out(state)
            bn = tf.layers.BatchNormalization()
            return bn(state, training=True)
        """)
    assert 'tf.layers.dense(state, units=4, name="out", reuse=tf.AUTO_REUSE)' in r.source
    assert "tf.layers.batch_normalization(state, training=True)" in r.source


def _reason(body: str) -> str:
    r = _resolve(body)
    assert r.resolved == 0, r.source
    (d,) = r.diagnostics
    assert d.code == "implicit-creator" and d.severity == "info"
    return d.message


def test_refusals_say_why() -> None:
    assert "called more than once and has no name" in _reason("""
        def f(x):
            d = tf.layers.Dense(4)
            return d(x) + d(x)
        """)
    assert "not all in the variable scope it was built in" in _reason("""
        def f(x):
            d = tf.layers.Dense(4, name="d")
            with tf.variable_scope("a"):
                y = d(x)
            return d(y)
        """)
    assert "used other than by calling it" in _reason("""
        def f(x):
            d = tf.layers.Dense(4, name="d")
            y = d(x)
            return y, d.kernel
        """)
    assert "constructed in a loop with the name 'h' and no variable scope" in _reason("""
        def f(x):
            for i in range(2):
                d = tf.layers.Dense(4, name="h")
                x = d(x)
            return x
        """)
    assert "reassigned at line" in _reason("""
        def f(x, n):
            d = tf.layers.Dense(n, name="d")
            n = 3
            return d(x)
        """)
    assert "called from several methods (logits, value)" in _reason("""
        class Model(object):
            def __init__(self):
                self.fc = tf.layers.Dense(3)

            def logits(self, x):
                return self.fc(x)

            def value(self, x):
                return self.fc(x)
        """)


def test_text_without_layer_classes_is_untouched() -> None:
    source = "import tensorflow as tf\n\ndef f(x):\n    return tf.layers.dense(x, 3)\n"
    assert resolve_layer_objects(source).source == source


def test_a_function_kept_as_tf1_keeps_its_layer_objects_as_written() -> None:
    from migrate.transform import transform_source

    source = textwrap.dedent("""
        import tensorflow as tf


        def head(x):
            with tf.variable_scope("head", custom_getter=lambda getter, *a, **k: getter(*a, **k)):
                proj = tf.layers.Dense(4, name="proj")
                return proj(x)
        """)
    out = transform_source(source, "m.py")
    assert "layers.Dense(4, name=\"proj\")" in out.code and "proj(x)" in out.code
    assert "layers.dense(" not in out.code


def test_a_fixed_name_in_a_loop_is_fine_under_a_variable_scope_per_iteration() -> None:
    r = _resolve("""
        def decoder(h, n):
            for layer in range(n):
                with tf.variable_scope("layer_%d" % layer):
                    conv = tf.layers.SeparableConv1D(int(h.shape[-1]), 3, name="sep")
                    h = h + conv.apply(h)
            return h
        """)
    assert "tf.layers.separable_conv1d(h, filters=int(h.shape[-1]), kernel_size=3, name=\"sep\")" \
        in r.source and r.regions == {"decoder"}


def test_the_reason_survives_when_the_function_stays_tf1() -> None:
    from migrate.transform import transform_source

    source = textwrap.dedent("""
        import tensorflow as tf


        def head(x):
            with tf.variable_scope("head"):
                proj = tf.layers.Dense(4, name="proj")
                return proj(x), proj.kernel
        """)
    out = transform_source(source, "m.py")
    notes = [d for d in out.diagnostics if d.code == "implicit-creator" and d.severity == "info"]
    assert notes and "used other than by calling it" in notes[0].message and notes[0].line == 7
