"""A function run again in the same variable scope without reuse makes the same variables again:
TF1 raises "Variable model/fc/kernel already exists" (verified in graph mode, tf_keras' legacy
layers). One shared module would silently build a model TF1 never built, so those calls are
refused (migrate/codemod/repeated_creation.py); the calls TF1 accepts still convert."""

from __future__ import annotations

import pytest

from migrate.transform import transform_source

_HEAD = '''import tensorflow as tf


def head(x):
    return tf.layers.dense(x, 3, name="fc")


def scoped(x):
    with tf.variable_scope("blk"):
        return tf.layers.dense(x, 4)


def weight(x):
    w = tf.get_variable("w", [4, 4])
    return tf.matmul(x, w)

'''

_REJECTED_BY_TF1 = {
    "named_helper_twice": '''
def build(x):
    with tf.variable_scope("model"):
        return head(x) + head(x * 2.0)
''',
    "named_helper_in_loop": '''
def build(x):
    with tf.variable_scope("model"):
        h = x
        for _ in range(2):
            h = head(h)
        return h
''',
    "own_scope_in_loop": '''
def build(x):
    with tf.variable_scope("model"):
        h = x
        for _ in range(2):
            h = scoped(h)
        return h
''',
    "get_variable_helper_twice": '''
def build(x):
    with tf.variable_scope("model"):
        return weight(weight(x))
''',
    "named_creator_twice": '''
def build(x):
    with tf.variable_scope("model"):
        a = tf.layers.dense(x, 3, name="fc")
        return a + tf.layers.dense(x, 3, name="fc")
''',
    "named_creator_in_loop": '''
def build(x):
    with tf.variable_scope("model"):
        h = x
        for _ in range(2):
            h = tf.layers.dense(h, 4, name="fc")
        return h
''',
}


@pytest.mark.parametrize("case", sorted(_REJECTED_BY_TF1))
def test_tf1_already_exists_is_refused(case: str) -> None:
    out = transform_source(_HEAD + _REJECTED_BY_TF1[case], "m.py")
    assert "build" not in {f.legacy_name for f in out.functions}
    reasons = [d.message for d in out.diagnostics if d.code == "unsupported-scope"]
    assert any("already exists" in m for m in reasons), out.diagnostics


_ACCEPTED_BY_TF1 = {
    "reuse_true": '''
def build(x):
    with tf.variable_scope("model"):
        a = head(x)
    with tf.variable_scope("model", reuse=True):
        return a + head(x)
''',
    "auto_reuse": '''
def build(x):
    with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
        return head(x) + head(x * 2.0)
''',
    "branches": '''
def build(x, flag=True):
    with tf.variable_scope("model"):
        if flag:
            return head(x)
        else:
            return head(x * 2.0)
''',
    "scope_per_turn": '''
def build(x):
    h = x
    for i in range(2):
        with tf.variable_scope("layer_%d" % i):
            h = head(h)
    return h
''',
    "creator_reuse_argument": '''
def build(x):
    with tf.variable_scope("model"):
        a = tf.layers.dense(x, 3, name="fc")
        return a + tf.layers.dense(x, 3, name="fc", reuse=True)
''',
}


@pytest.mark.parametrize("case", sorted(_ACCEPTED_BY_TF1))
def test_calls_tf1_accepts_still_convert(case: str) -> None:
    out = transform_source(_HEAD + _ACCEPTED_BY_TF1[case], "m.py")
    assert "build" in {f.legacy_name for f in out.functions}, out.diagnostics
    assert not any("already exists" in d.message for d in out.diagnostics)
