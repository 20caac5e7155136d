import tensorflow as tf

from . import layers
from .layers import conv


def residual_block(x, filters, name):
    with tf.variable_scope(name):
        h = tf.nn.relu(conv(x, filters, name='conv1'))
        h = conv(h, filters, name='conv2')
        return tf.nn.relu(h + x)


def resnet_small(images, num_classes=5, width=4, scope='resnet'):
    with tf.variable_scope(scope):
        net = conv(images, width, name='stem')
        for i in range(2):
            net = residual_block(net, width, 'block%d' % (i + 1))
        net = tf.reduce_mean(net, axis=[1, 2])
        return layers.fc(net, num_classes, name='logits')
