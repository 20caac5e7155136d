import tensorflow as tf


def build_encoder(x):
    with tf.variable_scope("encoder") as scope:
        w = tf.get_variable("w", [x.get_shape()[-1], 4])
        h = tf.matmul(x, w)
        with tf.variable_scope("stats"):
            mean = tf.get_variable("mean", [4], initializer=tf.zeros_initializer(),
                                   trainable=False)
        # scope.name is the full variable scope name, e.g. "pair/encoder"
        return tf.identity(h - mean, name=scope.name.replace("/", "_") + "_out")


def encode_pair(x1, x2):
    with tf.variable_scope("pair"):
        h1 = build_encoder(x1)
    with tf.variable_scope("pair", reuse=True):
        h2 = build_encoder(x2)
    return h1, h2
