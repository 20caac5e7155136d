import tensorflow as tf
from tensorflow.contrib.layers.python.layers import batch_norm, variance_scaling_initializer


def conv2d(input_, output_dim, k_h=3, k_w=3, d_h=2, d_w=2, name="conv2d"):
    """Conditional-GAN's ops.py: contrib imported by name, from where it is defined."""
    with tf.variable_scope(name):
        w = tf.get_variable('w', [k_h, k_w, input_.get_shape()[-1], output_dim],
                            initializer=variance_scaling_initializer())
        conv = tf.nn.conv2d(input_, w, strides=[1, d_h, d_w, 1], padding='SAME')
        biases = tf.get_variable('biases', [output_dim], initializer=tf.constant_initializer(0.0))
        return tf.nn.bias_add(conv, biases)


def batch_normal(input, scope="scope", reuse=False):
    return batch_norm(input, epsilon=1e-5, decay=0.9, scale=True, scope=scope, reuse=reuse,
                      updates_collections=None)


def discriminator(images, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        h0 = tf.nn.leaky_relu(conv2d(images, 4, name='dis_h0_conv'))
        h1 = tf.nn.leaky_relu(batch_normal(conv2d(h0, 8, name='dis_h1_conv'), scope='dis_bn1'))
        return tf.reduce_mean(h1, axis=[1, 2])


def gan(real, fake):
    return discriminator(real), discriminator(fake, reuse=True)
