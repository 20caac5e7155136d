import tensorflow as tf


def attention_score(query, key):
    with tf.variable_scope("score"):
        w = tf.get_variable("w", [query.get_shape()[-1], key.get_shape()[-1]])
        return tf.reduce_sum(tf.matmul(query, w) * key, axis=1)


def attend(query, memory):
    keys = tf.unstack(memory, axis=1)
    scores = []
    with tf.variable_scope("attention") as scope:
        for i, key in enumerate(keys):
            if i > 0:
                scope.reuse_variables()
            scores.append(attention_score(query, key))
    weights = tf.nn.softmax(tf.stack(scores, axis=1))
    return tf.reduce_sum(weights[:, :, None] * memory, axis=1)
