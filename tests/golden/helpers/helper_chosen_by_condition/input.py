import tensorflow as tf


def onehot_embedding(ids, vocab_size, dim, scope="embedding"):
    with tf.variable_scope(scope):
        table = tf.get_variable("lookup_table", [vocab_size, dim])
        return tf.einsum("nd,in->id", table, tf.one_hot(ids, vocab_size))


def gather_embedding(ids, vocab_size, dim, scope="embedding"):
    with tf.variable_scope(scope):
        table = tf.get_variable("lookup_table", [vocab_size, dim])
        return tf.nn.embedding_lookup(table, ids)


def softmax_head(h, vocab_size, scope="softmax"):
    with tf.variable_scope(scope):
        w = tf.get_variable("W", [h.get_shape()[-1].value, vocab_size])
        b = tf.get_variable("b", [vocab_size], initializer=tf.zeros_initializer())
        return tf.nn.log_softmax(tf.matmul(h, w) + b)


def tied_head(h, vocab_size, scope="softmax"):
    with tf.variable_scope(scope):
        b = tf.get_variable("b", [vocab_size], initializer=tf.zeros_initializer())
        return tf.nn.log_softmax(h[:, :vocab_size] + b)


def language_model(ids, vocab_size=12, dim=12, use_tpu=False, tie_weight=True, scope="lm"):
    with tf.variable_scope(scope):
        # one-hot matmuls are faster on TPU
        lookup_fn = (onehot_embedding if use_tpu else
                     gather_embedding)
        h = lookup_fn(ids, vocab_size, dim)
        if tie_weight:
            head_fn = tied_head
        else:
            head_fn = softmax_head
        logprobs = head_fn(h, vocab_size)
        return logprobs


def encoder(ids, use_tpu=False):
    with tf.variable_scope("encoder"):
        if use_tpu:
            h = onehot_embedding(ids, 12, 6, scope="tokens")
        else:
            h = gather_embedding(ids, 12, 6, scope="tokens")
        return tf.reduce_mean(h, axis=0)
