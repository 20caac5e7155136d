import tensorflow as tf


def embed(ids, vocab_size, dim):
    with tf.variable_scope("embedding"):
        table = tf.get_variable("table", [vocab_size, dim],
                                initializer=tf.random_uniform_initializer(-0.05, 0.05))
        return tf.nn.embedding_lookup(table, ids)


def classifier(h, num_classes):
    with tf.variable_scope("classifier"):
        w = tf.get_variable("w", [h.get_shape()[-1], num_classes])
        return tf.matmul(h, w)


def build_model(token_ids, vocab_size=10, dim=4, num_classes=3):
    emb = embed(token_ids, vocab_size, dim)
    pooled = tf.reduce_mean(emb, axis=1)
    return classifier(pooled, num_classes)
