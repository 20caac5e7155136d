import tensorflow as tf


def tied(ids, vocab=7, dim=4):
    with tf.variable_scope("embedding"):
        table = tf.get_variable("table", [vocab, dim],
                                initializer=tf.random_uniform_initializer(-0.1, 0.1))
    emb = tf.nn.embedding_lookup(table, ids)
    h = tf.reduce_mean(emb, axis=1)
    # a reuse needs neither shape nor initializer: tied output projection
    with tf.variable_scope("embedding", reuse=True):
        out_w = tf.get_variable("table")
    return tf.matmul(h, out_w, transpose_b=True)
