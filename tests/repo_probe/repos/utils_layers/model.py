import tensorflow as tf

import utils as U


def classifier(images, num_classes=3, training=False):
    with tf.variable_scope('clf'):
        h = U.conv_bn_relu(images, 4, training, 'c1')
        h = tf.layers.max_pooling2d(h, 2, 2)
        h = U.conv_bn_relu(h, 8, training, 'c2')
        h = tf.layers.flatten(h)
        h = U.dense_block(h, 16, 'fc', dropout=0.0, training=training)
        return tf.layers.dense(h, num_classes, name='logits')


def two_heads(a, b):
    with tf.variable_scope('heads'):
        ha = U.dense(a, 4, name='proj', activation=tf.nn.relu)
        hb = U.dense(b, 4, name='proj', activation=tf.nn.relu, reuse=True)
        return U.shared_head(ha), U.shared_head(hb)
