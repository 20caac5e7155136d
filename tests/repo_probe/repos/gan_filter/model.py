import tensorflow as tf

import ops


def generator(z, out_dim=4):
    with tf.variable_scope('generator'):
        h = tf.nn.relu(ops.dense(z, 8, 'g_fc1'))
        return tf.nn.tanh(ops.dense(h, out_dim, 'g_fc2'))


def discriminator(x, reuse=False):
    with tf.variable_scope('discriminator', reuse=reuse):
        h = ops.leaky_relu(ops.dense(x, 8, 'd_fc1'))
        return ops.dense(h, 1, 'd_fc2')


def gan_losses(z, x):
    fake = generator(z)
    d_real = discriminator(x)
    d_fake = discriminator(fake, reuse=True)
    d_loss = tf.reduce_mean(tf.nn.softplus(-d_real)) + tf.reduce_mean(tf.nn.softplus(d_fake))
    g_loss = tf.reduce_mean(tf.nn.softplus(-d_fake))
    return d_loss, g_loss


def layer_discriminator(x, reuse=False):
    h = tf.layers.dense(x, 8, activation=tf.nn.leaky_relu, name='d_h0', reuse=reuse,
                        kernel_regularizer=tf.contrib.layers.l2_regularizer(1e-3))
    return tf.layers.dense(h, 1, name='d_out', reuse=reuse)


def layer_gan(z, x):
    fake = generator(z)
    return layer_discriminator(x), layer_discriminator(fake, reuse=True)
