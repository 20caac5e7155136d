"""A faithful migration of layers_legacy.py: Model.encode -> class Encode."""
import math

import tensorflow as tf


def glorot_uniform(shape):
    limit = math.sqrt(6.0 / (shape[-2] + shape[-1]))
    return tf.random.uniform(shape, -limit, limit)


class DenseBlock(tf.Module):
    def __init__(self, num_units, scale=0.01, name="dense"):
        super().__init__(name=name)
        self.num_units = num_units
        self.scale = scale
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(glorot_uniform([x.shape[-1], self.num_units]), name="w")
        return tf.matmul(x, self.w)

    def regularization_losses(self):
        return [self.scale * tf.nn.l2_loss(self.w)]


class Hidden(tf.Module):
    """What tf.layers.dense(name="hidden") created: kernel (glorot) and bias (zeros)."""

    def __init__(self, units, name="hidden"):
        super().__init__(name=name)
        self.units = units
        self.kernel = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.kernel is None:
            self.kernel = tf.Variable(glorot_uniform([x.shape[-1], self.units]), name="kernel")
            self.bias = tf.Variable(tf.zeros([self.units]), name="bias")
        return tf.nn.relu(tf.matmul(x, self.kernel) + self.bias)


class Encode(tf.Module):
    def __init__(self, num_units=4, name="encode"):
        super().__init__(name=name)
        with self.name_scope:
            self.hidden = Hidden(num_units)
            self.dense = DenseBlock(num_units, name="dense")
            self.dense_1 = DenseBlock(2, name="dense_1")

    @tf.Module.with_name_scope
    def __call__(self, x):
        return self.dense_1(self.dense(self.hidden(x)))
