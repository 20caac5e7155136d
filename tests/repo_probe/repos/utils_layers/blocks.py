"""Less common creators, in helpers another file calls inside its scopes."""
import tensorflow as tf

import utils as U


def upsample(x, filters, name, training=False):
    with tf.variable_scope(name):
        h = tf.layers.conv2d_transpose(x, filters, 3, strides=2, padding='same',
                                       kernel_initializer=tf.random_normal_initializer(stddev=0.02))
        h = tf.contrib.layers.batch_norm(h, is_training=training, scale=True)
        return tf.nn.relu(h)


def separable(x, filters, name):
    with tf.variable_scope(name):
        h = tf.layers.separable_conv2d(x, filters, 3, padding='same', depth_multiplier=2)
        return tf.contrib.layers.instance_norm(h)


def token_encoder(ids, vocab_size=9, dim=4):
    with tf.variable_scope('tokens'):
        emb = tf.contrib.layers.embed_sequence(ids, vocab_size=vocab_size, embed_dim=dim)
        proj = tf.layers.Dense(dim, activation=tf.nn.tanh, name='proj')
        h = proj(emb)
        h = proj(h)
        return tf.layers.conv1d(h, 3, 2, padding='valid')


def decoder(z, training=False):
    with tf.variable_scope('decoder'):
        h = tf.reshape(tf.layers.dense(z, 2 * 2 * 4, name='fc'), [-1, 2, 2, 4])
        h = upsample(h, 4, 'up1', training=training)
        h = separable(h, 3, 'sep')
        return U.conv_bn_relu(h, 2, training, 'out')
