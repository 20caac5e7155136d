"""Variable-free tf.layers objects (P's H19: `tf.layers.MaxPooling2D(2, 2)(x)` stayed
`tf.compat.v1.layers.MaxPooling2D`, which Keras 3 lacks) become the helpers their functional
forms become. TF equivalence: golden implicit/variable_free_layer_objects (proven)."""

from __future__ import annotations

from migrate.transform import transform_source


def _out(body: str) -> str:
    return transform_source("import tensorflow as tf\n\n\n" + body, "m.py").code


def test_a_layer_built_and_called_at_once_is_one_helper_call() -> None:
    code = _out("def pool(x, training):\n"
                "    h = tf.layers.MaxPooling2D(2, 2)(x)\n"
                "    h = tf.layers.Flatten()(h)\n"
                "    return tf.layers.Dropout(0.5, None, None, 'drop')(h, training)\n")
    assert "h = _layers_max_pooling2d(x, 2, 2)" in code
    assert "h = _layers_flatten(h)" in code
    # (Dropout's 4th constructor parameter is name; the helper's 4th is training)
    assert "return _layers_dropout(h, 0.5, None, None, name='drop', training=training)" in code
    assert "compat.v1.layers" not in code and "def _layers_pooling(" in code


def test_a_layer_kept_in_a_name_with_constant_arguments_is_a_lambda() -> None:
    code = _out("def pool(x):\n"
                "    drop = tf.layers.Dropout(rate=0.25)\n"
                "    return drop(x, training=True)\n")
    assert "drop = (lambda inputs, training=False: _layers_dropout(inputs, rate=0.25, training=training))" in code


def test_arguments_read_when_built_or_not_the_helpers_keep_the_compat_spelling() -> None:
    code = _out("def pool(x, size):\n"
                "    p = tf.layers.MaxPooling2D(size, size)\n"
                "    q = tf.layers.AveragePooling2D(2, 2, dtype=tf.float16)\n"
                "    return q(p(x))\n")
    assert "tf.compat.v1.layers.MaxPooling2D(size, size)" in code
    assert "tf.compat.v1.layers.AveragePooling2D(2, 2, dtype=tf.float16)" in code


def test_a_call_with_other_arguments_calls_the_lambda() -> None:
    """(TF1's layer raised on an argument its call() does not take; so does the lambda)"""
    code = _out("def pool(x):\n"
                "    return tf.layers.Flatten()(x, extra=1)\n")
    assert "(lambda inputs: _layers_flatten(inputs))(x, extra=1)" in code


def test_a_second_run_changes_nothing() -> None:
    once = _out("def pool(x):\n    return tf.layers.MaxPooling1D(2, 2)(x)\n")
    assert transform_source(once, "m.py").code == once


def test_the_pooling_aliases_are_no_creators_in_a_converted_function() -> None:
    code = _out('def tower(x):\n'
                '    with tf.variable_scope("tower"):\n'
                '        h = tf.layers.Conv2D(4, 3)(x)\n'
                '        return tf.layers.MaxPool2D(2, 2)(tf.layers.AvgPool2D(1, 1)(h))\n')
    assert "class Tower(tf.Module):" in code
    assert "return _layers_max_pooling2d(_layers_average_pooling2d(h, 1, 1), 2, 2)" in code
