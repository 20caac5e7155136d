"""slim.repeat and slim.stack in a VGG-style tower: repeat(net, 2, slim.conv2d, ..., scope="conv1")
makes conv1/conv1_1 and conv1/conv1_2; stack(net, slim.conv2d, [(32, [3, 3]), (16, [1, 1])],
scope="conv2") one layer per element (conv2/conv2_1, conv2/conv2_2), and a stack of fully
connected layers with shared keyword arguments, under a discriminator scope reused for fake data."""
import tensorflow as tf
import tensorflow.contrib.slim as slim


def tower(images, reuse=False):
    with tf.variable_scope("tower", reuse=reuse):
        net = slim.repeat(images, 2, slim.conv2d, 8, [3, 3], scope="conv1")
        net = slim.max_pool2d(net, [2, 2], scope="pool1")
        net = slim.stack(net, slim.conv2d, [(12, [3, 3]), (6, [1, 1])], scope="conv2")
        net = slim.flatten(net)
        net = slim.stack(net, slim.fully_connected, [10, 4], activation_fn=tf.nn.tanh,
                         weights_initializer=tf.truncated_normal_initializer(stddev=0.05), scope="fc")
        return slim.fully_connected(net, 1, activation_fn=None, scope="logits")


def build(real, fake):
    return tower(real), tower(fake, reuse=True)
