import tensorflow as tf


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


def discriminator(image, reuse=False):
    with tf.variable_scope("discriminator") as scope:
        if reuse:
            scope.reuse_variables()
        w0 = tf.get_variable("d_h0_w", [image.get_shape()[1], 8],
                             initializer=tf.random_normal_initializer(stddev=0.02))
        h0 = lrelu(tf.matmul(image, w0))
        w1 = tf.get_variable("d_h1_w", [8, 1],
                             initializer=tf.random_normal_initializer(stddev=0.02))
        return tf.matmul(h0, w1)


def gan_losses(real, fake):
    d_real = discriminator(real)
    d_fake = discriminator(fake, reuse=True)
    return tf.reduce_mean(d_real) - tf.reduce_mean(d_fake)
