import tensorflow as tf


def shared_projection(x, y):
    with tf.compat.v1.variable_scope("proj", reuse=tf.compat.v1.AUTO_REUSE):
        w = tf.compat.v1.get_variable(
            "w", [x.get_shape()[-1], 3],
            initializer=tf.compat.v1.truncated_normal_initializer(stddev=0.1))
        px = tf.matmul(x, w)
    with tf.compat.v1.variable_scope("proj", reuse=tf.compat.v1.AUTO_REUSE):
        w2 = tf.compat.v1.get_variable("w", [y.get_shape()[-1], 3])
        py = tf.matmul(y, w2)
    return px - py
