import tensorflow as tf


def linear(x, size, scope=None):
    with tf.variable_scope(scope or "Linear"):
        w = tf.get_variable("Matrix", [x.get_shape()[-1], size])
        return tf.matmul(x, w)


def discriminator(image, reuse=False):
    with tf.variable_scope("discriminator") as scope:
        if reuse:
            scope.reuse_variables()
        return linear(image, 1, "d_h0_lin")


def build(real, fake):
    return discriminator(real), discriminator(fake, reuse=True)
