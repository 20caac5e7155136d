import tensorflow as tf


def linear(input_, output_size, scope=None, stddev=0.02, with_w=False):
    shape = input_.get_shape().as_list()
    with tf.variable_scope(scope or "Linear"):
        matrix = tf.get_variable("Matrix", [shape[1], output_size], tf.float32,
                                 tf.random_normal_initializer(stddev=stddev))
        bias = tf.get_variable("bias", [output_size], initializer=tf.constant_initializer(0.0))
        if with_w:
            return tf.matmul(input_, matrix) + bias, matrix, bias
        return tf.matmul(input_, matrix) + bias


class DCGAN(object):
    """The 2016 DCGAN-tensorflow: no scopes of their own; the sampler reuses its caller's scope."""

    def __init__(self, gf_dim=4, df_dim=4):
        self.gf_dim = gf_dim
        self.df_dim = df_dim

    def discriminator(self, image, reuse=False):
        if reuse:
            tf.get_variable_scope().reuse_variables()
        h0 = tf.nn.relu(linear(image, self.df_dim, 'd_h0_lin'))
        return linear(h0, 1, 'd_h1_lin')

    def generator(self, z):
        self.z_, self.h0_w, self.h0_b = linear(z, self.gf_dim * 2, 'g_h0_lin', with_w=True)
        h0 = tf.nn.relu(self.z_)
        return tf.nn.tanh(linear(h0, 6, 'g_h1_lin'))

    def sampler(self, z):
        tf.get_variable_scope().reuse_variables()
        h0 = tf.nn.relu(linear(z, self.gf_dim * 2, 'g_h0_lin'))
        return tf.nn.tanh(linear(h0, 6, 'g_h1_lin'))

    def build_model(self, z, images):
        self.G = self.generator(z)
        self.D_logits = self.discriminator(images)
        self.S = self.sampler(z)
        self.D_logits_ = self.discriminator(self.G, reuse=True)
        return self.G, self.S, self.D_logits, self.D_logits_
