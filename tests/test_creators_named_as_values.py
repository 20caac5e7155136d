"""A function that names a refused creator as a value and also calls a convertible one is refused
with it (P's H23, transformer-xl's tied_lm): it had become a module around the kept TF1 lookup,
whose compat get_variable ran in eager TF2 outside the module (untracked, a new table per call)."""

from __future__ import annotations

from migrate.transform import transform_source

_SOURCE = '''import tensorflow as tf


def gather_lookup(x, n_token, d_embed, scope="adaptive_embed"):
    with tf.variable_scope(scope):
        table = tf.get_variable("lookup_table", [n_token, d_embed])
        return tf.nn.embedding_lookup(table, x)


def onehot_lookup(x, n_token, d_embed, scope="adaptive_embed"):
    with tf.variable_scope(scope):
        table = tf.get_variable("lookup_table", [n_token, d_embed])
        return tf.einsum("ibn,nd->ibd", tf.one_hot(x, n_token), table)


def softmax_logits(hidden, n_token, scope="adaptive_softmax"):
    with tf.variable_scope(scope):
        softmax_b = tf.get_variable("bias", [n_token], initializer=tf.zeros_initializer())
        return hidden[..., :1] + softmax_b


def tied_lm(dec_inp, use_tpu=False):
    lookup_fn = onehot_lookup if use_tpu else gather_lookup
    with tf.variable_scope("tied"):
        emb = lookup_fn(dec_inp, 9, 4)
        return softmax_logits(emb, 9)
'''


def test_a_function_naming_a_refused_creator_as_a_value_is_refused_with_it() -> None:
    out = transform_source(_SOURCE, "m.py")
    assert not out.functions, [f.class_name for f in out.functions]
    assert "class TiedLm" not in out.code and 'tf.compat.v1.variable_scope("tied")' in out.code
    assert any(d.code == "unconvertible-callee" and "tied_lm" in d.message for d in out.diagnostics)
