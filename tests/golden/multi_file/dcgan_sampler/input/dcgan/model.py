import tensorflow as tf

from ops import *


class DCGAN(object):
    def __init__(self, batch_size=2, output_size=8, gf_dim=4, df_dim=4, c_dim=3):
        self.batch_size = batch_size
        self.output_size = output_size
        self.gf_dim = gf_dim
        self.df_dim = df_dim
        self.c_dim = c_dim

        self.d_bn1 = batch_norm(name='d_bn1')
        self.g_bn0 = batch_norm(name='g_bn0')
        self.g_bn1 = batch_norm(name='g_bn1')

    def build_model(self, z, images):
        self.G = self.generator(z)
        self.D, self.D_logits = self.discriminator(images, reuse=False)
        self.sampler = self.sampler_net(z)
        self.D_, self.D_logits_ = self.discriminator(self.G, reuse=True)

        t_vars = tf.trainable_variables()
        self.d_vars = [var for var in t_vars if 'd_' in var.name]
        self.g_vars = [var for var in t_vars if 'g_' in var.name]
        d_total = tf.add_n([tf.reduce_sum(v) for v in self.d_vars])
        g_total = tf.add_n([tf.reduce_sum(v) for v in self.g_vars])
        return self.G, self.sampler, self.D_logits, self.D_logits_, d_total, g_total

    def discriminator(self, image, reuse=False):
        with tf.variable_scope("discriminator") as scope:
            if reuse:
                scope.reuse_variables()
            h0 = lrelu(conv2d(image, self.df_dim, name='d_h0_conv'))
            h1 = lrelu(self.d_bn1(conv2d(h0, self.df_dim * 2, name='d_h1_conv')))
            h2 = linear(tf.reshape(h1, [self.batch_size, -1]), 1, 'd_h2_lin')
            return tf.nn.sigmoid(h2), h2

    def generator(self, z):
        with tf.variable_scope("generator") as scope:
            s2, s4 = int(self.output_size / 2), int(self.output_size / 4)
            self.z_ = linear(z, self.gf_dim * 2 * s4 * s4, 'g_h0_lin')
            h0 = tf.nn.relu(self.g_bn0(tf.reshape(self.z_, [-1, s4, s4, self.gf_dim * 2])))
            h1 = deconv2d(h0, [self.batch_size, s2, s2, self.gf_dim], name='g_h1')
            h1 = tf.nn.relu(self.g_bn1(h1))
            h2 = deconv2d(h1, [self.batch_size, self.output_size, self.output_size, self.c_dim], name='g_h2')
            return tf.nn.tanh(h2)

    def sampler_net(self, z):
        with tf.variable_scope("generator") as scope:
            scope.reuse_variables()
            s2, s4 = int(self.output_size / 2), int(self.output_size / 4)
            h0 = tf.reshape(linear(z, self.gf_dim * 2 * s4 * s4, 'g_h0_lin'), [-1, s4, s4, self.gf_dim * 2])
            h0 = tf.nn.relu(self.g_bn0(h0, train=False))
            h1 = deconv2d(h0, [self.batch_size, s2, s2, self.gf_dim], name='g_h1')
            h1 = tf.nn.relu(self.g_bn1(h1, train=False))
            h2 = deconv2d(h1, [self.batch_size, self.output_size, self.output_size, self.c_dim], name='g_h2')
            return tf.nn.tanh(h2)
