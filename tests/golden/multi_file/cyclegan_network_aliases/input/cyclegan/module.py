from __future__ import division
import tensorflow as tf
from ops import *


def discriminator(image, options, reuse=False, name="discriminator"):
    with tf.variable_scope(name):
        if reuse:
            tf.get_variable_scope().reuse_variables()
        else:
            assert tf.get_variable_scope().reuse is False
        h0 = lrelu(conv2d(image, options.df_dim, name='d_h0_conv'))
        return conv2d(h0, 1, s=1, name='d_h1_pred')


def generator(image, options, reuse=False, name="generator"):
    with tf.variable_scope(name):
        if reuse:
            tf.get_variable_scope().reuse_variables()
        else:
            assert tf.get_variable_scope().reuse is False
        return tf.nn.tanh(conv2d(image, options.output_c_dim, s=1, name='g_pred'))
