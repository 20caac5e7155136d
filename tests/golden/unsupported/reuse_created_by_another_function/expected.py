import tensorflow as tf


def build_encoder(x):
    with tf.compat.v1.variable_scope("encoder") as scope:
        w = tf.compat.v1.get_variable("w", [x.get_shape()[-1], 4])
        h = tf.matmul(x, w)
        with tf.compat.v1.variable_scope("stats"):
            mean = tf.compat.v1.get_variable("mean", [4], initializer=tf.compat.v1.zeros_initializer(),
                                   trainable=False)
        return h - mean, scope.name


def encode_pair(x1, x2):
    h1, scope_name = build_encoder(x1)
    with tf.compat.v1.variable_scope(scope_name, reuse=True):
        w = tf.compat.v1.get_variable("w", [x2.get_shape()[-1], 4])
    return h1, tf.matmul(x2, w)
