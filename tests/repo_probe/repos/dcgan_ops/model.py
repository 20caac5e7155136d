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

    def sampler(self, z):
        with tf.variable_scope("generator") as scope:
            scope.reuse_variables()
            s = self.output_size
            s2, s4 = s // 2, s // 4
            h0 = linear(z, self.gf_dim * 2 * s4 * s4, 'g_h0_lin')
            h0 = tf.nn.relu(self.g_bn0(tf.reshape(h0, [-1, s4, s4, self.gf_dim * 2]), train=False))
            h1 = deconv2d(h0, [self.batch_size, s2, s2, self.gf_dim], name='g_h1')
            h1 = tf.nn.relu(self.g_bn1(h1, train=False))
            h2 = deconv2d(h1, [self.batch_size, s, s, self.c_dim], name='g_h2')
            return tf.nn.tanh(h2)

    def build_model(self, z, images):
        self.G = self.generator(z)
        self.D, self.D_logits = self.discriminator(images)
        self.sampler_out = self.sampler(z)
        self.D_, self.D_logits_ = self.discriminator(self.G, reuse=True)
        self.d_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(
            logits=self.D_logits, labels=tf.ones_like(self.D))) + tf.reduce_mean(
            tf.nn.sigmoid_cross_entropy_with_logits(logits=self.D_logits_, labels=tf.zeros_like(self.D_)))
        self.g_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(
            logits=self.D_logits_, labels=tf.ones_like(self.D_)))
        self.d_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='discriminator')
        self.g_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='generator')
        d_optim = tf.train.GradientDescentOptimizer(0.01).minimize(self.d_loss, var_list=self.d_vars)
        g_optim = tf.train.GradientDescentOptimizer(0.01).minimize(self.g_loss, var_list=self.g_vars)
        return self.d_loss, self.g_loss, d_optim, g_optim
