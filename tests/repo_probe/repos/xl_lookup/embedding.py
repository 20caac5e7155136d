import tensorflow as tf


def gather_embedding_lookup(x, n_token, d_embed, initializer, proj_initializer=None, scope="adaptive_embed"):
    emb_scale = d_embed ** 0.5
    with tf.variable_scope(scope):
        lookup_table = tf.get_variable("lookup_table", [n_token, d_embed], initializer=initializer)
        y = tf.nn.embedding_lookup(lookup_table, x)
    return y * emb_scale, [lookup_table]


def onehot_embedding_lookup(x, n_token, d_embed, initializer, proj_initializer=None, scope="adaptive_embed"):
    """The TPU flavour: a one-hot matmul instead of a gather (same variables)."""
    emb_scale = d_embed ** 0.5
    with tf.variable_scope(scope):
        lookup_table = tf.get_variable("lookup_table", [n_token, d_embed], initializer=initializer)
        y = tf.einsum("ibn,nd->ibd", tf.one_hot(x, n_token), lookup_table)
    return y * emb_scale, [lookup_table]


def softmax_logits(hidden, n_token, params, scope="adaptive_softmax"):
    with tf.variable_scope(scope):
        softmax_b = tf.get_variable("bias", [n_token], initializer=tf.zeros_initializer())
        return tf.einsum("ibd,nd->ibn", hidden, params[0]) + softmax_b
