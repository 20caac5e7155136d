"""Legacy side: a method entry point (Model.encode), tf.layers, default_name scopes, regularizers.

Entry point: Model.encode(x) with args num_units=3; x float32[2,5].
"""
import tensorflow as tf


def dense_block(x, num_units, scale=0.01):
    with tf.variable_scope(None, default_name="dense"):  # dense, dense_1: new variables per call
        w = tf.get_variable("w", [x.get_shape()[-1].value, num_units],
                            regularizer=lambda t: scale * tf.nn.l2_loss(t))
        return tf.matmul(x, w)


class Model(object):
    def __init__(self, num_units=4):
        self.num_units = num_units

    def encode(self, x):
        with tf.variable_scope("encode"):
            h = tf.layers.dense(x, self.num_units, activation=tf.nn.relu, name="hidden")
            return dense_block(dense_block(h, self.num_units), 2)
