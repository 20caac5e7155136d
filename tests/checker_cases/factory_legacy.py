"""A TF1 model object driven by a plain factory function (checker case for function entries)."""
import tensorflow as tf


def dense(x, units, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.get_shape()[-1].value, units],
                            initializer=tf.random_normal_initializer(stddev=0.5))
        b = tf.get_variable("b", [units], initializer=tf.constant_initializer(0.1))
        return tf.matmul(x, w) + b


class Model(object):
    def __init__(self, units):
        self.units = units

    def encode(self, x):
        with tf.variable_scope("encoder", reuse=tf.AUTO_REUSE):
            h = tf.nn.relu(dense(x, self.units, "h0"))
            return dense(h, self.units, "h1")


def build_model(x, y, units=3):
    model = Model(units)
    return model.encode(x), model.encode(y)  # the second call shares the encoder
