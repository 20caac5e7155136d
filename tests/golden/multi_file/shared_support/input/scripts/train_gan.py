import tensorflow.compat.v1 as tf

import nets


def generator(z, out_dim=6):
    with tf.variable_scope("generator"):
        h = tf.layers.dense(z, 16, activation=tf.nn.relu, name="h0")
        return tf.layers.dense(h, out_dim, activation=tf.tanh, name="out")


def gan_losses(z, real):
    fake = generator(z, out_dim=6)
    d_real = nets.discriminator(real)
    d_fake = nets.discriminator(fake, reuse=True)
    return tf.reduce_mean(d_real) - tf.reduce_mean(d_fake)
