"""The networks: scopes around ops.py's helpers and tf.layers, a reused discriminator."""
import tensorflow as tf
from ops import *


def generator(z, out_dim=6):
    with tf.variable_scope("generator"):
        h = tf.layers.dense(z, 16, activation=tf.nn.relu, name="g_fc")
        return tf.nn.tanh(linear(h, out_dim, "g_out"))


def discriminator(x, reuse=False):
    with tf.variable_scope("discriminator") as scope:
        if reuse:
            scope.reuse_variables()
        h = lrelu(linear(x, 16, "d_h0"))
        return linear(h, 1, "d_h1")


def build_gan(z, images):
    fake = generator(z)
    d_real = discriminator(images)
    d_fake = discriminator(fake, reuse=True)
    t_vars = tf.trainable_variables()
    d_vars = [v for v in t_vars if "discriminator/" in v.name]
    g_vars = [v for v in t_vars if "generator/" in v.name]
    d_size = tf.add_n([tf.reduce_sum(v) for v in d_vars])
    g_size = tf.add_n([tf.reduce_sum(v) for v in g_vars])
    return d_real, d_fake, fake, d_size, g_size
