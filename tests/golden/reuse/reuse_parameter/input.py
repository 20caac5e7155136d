import tensorflow as tf


def encoder(x, reuse=False):
    with tf.variable_scope("encoder", reuse=reuse):
        w = tf.get_variable("w", [x.get_shape()[-1], 4],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        b = tf.get_variable("b", [4], initializer=tf.constant_initializer(0.01))
        return tf.nn.relu(tf.matmul(x, w) + b)


def contrastive(anchor, positive, negative):
    a = encoder(anchor)
    p = encoder(positive, reuse=True)
    n = encoder(negative, True)
    return tf.reduce_mean(tf.maximum(0.0, 1.0 + tf.reduce_sum(a * n - a * p, axis=1)))
