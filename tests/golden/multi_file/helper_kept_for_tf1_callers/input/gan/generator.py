import tensorflow as tf
from ops import linear, mlp


def generator(z, reuse=False):
    with tf.variable_scope("generator", reuse=reuse):
        return tf.nn.tanh(linear(mlp(z, [8, 8]), 6, "out"))
