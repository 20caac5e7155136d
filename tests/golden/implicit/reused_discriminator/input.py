import tensorflow as tf


def discriminator(x, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        h = tf.layers.dense(x, 16, activation=tf.nn.leaky_relu)
        h = tf.layers.dense(h, 8, activation=tf.nn.leaky_relu)
        return tf.layers.dense(h, 1, name="logits")


def build(real, fake):
    return discriminator(real), discriminator(fake, reuse=True)
