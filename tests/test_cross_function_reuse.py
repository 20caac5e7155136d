"""One scope name opened with AUTO_REUSE by two functions (migrate/codemod/cross_function_reuse.py):
refused when they may share variables there, converted when the names each creates are known and
differ (XLNet's `model/transformer` in __init__ and `model/sequnece_summary` in get_pooled_out)."""

from __future__ import annotations

from migrate.transform import transform_source

_HELPERS = '''import tensorflow as tf


def encoder(x, scope="transformer"):
    with tf.variable_scope(scope):
        return tf.matmul(x, tf.get_variable("w", [4, 4]))


def summarize(x, scope=None):
    with tf.variable_scope(scope, "summary"):
        return tf.matmul(x, tf.get_variable("w", [4, 4]))


def plain(x):
    return tf.matmul(x, tf.get_variable("w", [4, 4]))

'''


def _codes(source: str) -> tuple[list[str], list[str]]:
    out = transform_source(source, "m.py")
    return [f.class_name for f in out.functions], [d.message for d in out.diagnostics if d.code == "unsupported-scope"]


def test_known_different_names_under_one_reusing_scope_convert() -> None:
    classes, refusals = _codes(_HELPERS + '''
def encode(x):
    with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
        return encoder(x)


def pool(x):
    with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
        return summarize(x)
''')
    assert not refusals, refusals
    assert {"Encode", "Pool"} <= set(classes)


def test_the_same_name_under_one_reusing_scope_is_refused() -> None:
    _, refusals = _codes(_HELPERS + '''
def encode(x):
    with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
        return encoder(x)


def encode_again(x):
    with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
        return encoder(x, scope="transformer")
''')
    assert any("both name scope 'model'" in m for m in refusals), refusals


def test_a_creator_without_a_known_name_is_refused() -> None:
    _, refusals = _codes(_HELPERS + '''
def encode(x):
    with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
        return encoder(x)


def head(x):
    with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
        return plain(x)
''')
    assert any("both name scope 'model'" in m for m in refusals), refusals
