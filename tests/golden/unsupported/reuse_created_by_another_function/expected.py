import tensorflow as tf


def build_encoder(x):
    with tf.variable_scope("encoder") as scope:
        w = tf.get_variable("w", [x.get_shape()[-1], 4])
        h = tf.matmul(x, w)
        with tf.variable_scope("stats"):
            mean = tf.get_variable("mean", [4], initializer=tf.zeros_initializer(),
                                   trainable=False)
        return h - mean, scope.name


def encode_pair(x1, x2):
    h1, scope_name = build_encoder(x1)
    with tf.variable_scope(scope_name, reuse=True):
        w = tf.get_variable("w", [x2.get_shape()[-1], 4])
    return h1, tf.matmul(x2, w)
