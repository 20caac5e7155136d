from __future__ import division

import tensorflow as tf

from ops import *


class DCGAN(object):
    def __init__(self, batch_size=2, output_size=8, gf_dim=4, df_dim=4, c_dim=1):
        self.batch_size = batch_size
        self.output_size = output_size
        self.gf_dim = gf_dim
        self.df_dim = df_dim
        self.c_dim = c_dim
        self.d_bn1 = batch_norm(name='d_bn1')
        self.g_bn0 = batch_norm(name='g_bn0')
        self.g_bn1 = batch_norm(name='g_bn1')

    def discriminator(self, image, reuse=False):
        with tf.variable_scope("discriminator") as scope:
            if reuse:
                scope.reuse_variables()
            h0 = lrelu(conv2d(image, self.df_dim, name='d_h0_conv'))
            h1 = lrelu(self.d_bn1(conv2d(h0, self.df_dim * 2, name='d_h1_conv')))
            h2 = linear(tf.reshape(h1, [self.batch_size, -1]), 1, 'd_h2_lin')
            return tf.nn.sigmoid(h2), h2

    def generator(self, z):
        with tf.variable_scope("generator"):
            s = self.output_size
            s2, s4 = s // 2, s // 4
            h0 = linear(z, self.gf_dim * 2 * s4 * s4, 'g_h0_lin')
            h0 = tf.nn.relu(self.g_bn0(tf.reshape(h0, [-1, s4, s4, self.gf_dim * 2])))
            h1 = deconv2d(h0, [self.batch_size, s2, s2, self.gf_dim], name='g_h1')
            h1 = tf.nn.relu(self.g_bn1(h1))
            h2 = deconv2d(h1, [self.batch_size, s, s, self.c_dim], name='g_h2')
            return tf.nn.tanh(h2)
