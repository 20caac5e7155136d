"""BROKEN migration of gan_legacy.py: Linear drops its bias variable (bias_start is 0, so outputs at initial weights still agree)."""
import math

import tensorflow as tf


def glorot_uniform(shape, dtype=tf.float32):
    # TF1's glorot_uniform_initializer draws tf.random.uniform(-l, l): same values, same seed.
    fan_in, fan_out = shape[-2], shape[-1]
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return tf.random.uniform(shape, -limit, limit, dtype=dtype)


class Linear(tf.Module):
    def __init__(self, output_size, stddev=0.02, bias_start=0.0, name=None):
        super().__init__(name=name or "Linear")
        self.output_size = output_size
        self.stddev = stddev
        self.bias_start = bias_start
        self.matrix = None

    @tf.Module.with_name_scope
    def __call__(self, input_):
        shape = input_.shape.as_list()
        if self.matrix is None:  # shapes depend on the input: create on first call
            self.matrix = tf.Variable(
                tf.random_normal_initializer(stddev=self.stddev)([shape[1], self.output_size],
                                                                 tf.float32),
                name="Matrix")
        return tf.matmul(input_, self.matrix) + self.bias_start


class PositionTable(tf.Module):
    def __init__(self, name="shared_embedding"):
        super().__init__(name=name)
        self.table = None

    @tf.Module.with_name_scope
    def __call__(self, dim):
        if self.table is None:
            self.table = tf.Variable(glorot_uniform([dim, dim]), name="table")
        return self.table


class Generator(tf.Module):
    def __init__(self, name="generator"):
        super().__init__(name=name)
        with self.name_scope:
            with tf.name_scope("encoder"):
                self.encoder_table = PositionTable()
            with tf.name_scope("decoder"):
                self.decoder_table = PositionTable()
            self.scale = tf.Variable(tf.ones([8]), trainable=False, name="scale")
            self.temperature = tf.Variable(tf.constant(1.0, tf.float64), name="temperature")
            self.g_h0_lin = Linear(16, name="g_h0_lin")

    @tf.Module.with_name_scope
    def __call__(self, z):
        with tf.name_scope("encoder"):
            e = tf.matmul(z, self.encoder_table(8))
        with tf.name_scope("decoder"):
            d = tf.matmul(tf.nn.tanh(e), self.decoder_table(8))
        h = tf.nn.tanh(self.g_h0_lin(d)) * self.scale[0]
        return h / tf.cast(self.temperature, tf.float32)


class Discriminator(tf.Module):
    def __init__(self, name="discriminator"):
        super().__init__(name=name)
        with self.name_scope:
            self.d_h0_lin = Linear(6, name="d_h0_lin")
            self.d_h1_lin = Linear(1, name="d_h1_lin")

    @tf.Module.with_name_scope
    def __call__(self, image):
        return self.d_h1_lin(tf.nn.leaky_relu(self.d_h0_lin(image), 0.2))


class Build(tf.Module):  # no scope of its own: no name scope
    def __init__(self, name=None):
        super().__init__(name=name)
        self.generator = Generator()
        self.discriminator = Discriminator()

    def __call__(self, z, images):
        fake = self.generator(z)
        return self.discriminator(images), self.discriminator(fake)  # explicit sharing
