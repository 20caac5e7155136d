"""DCGAN-style generator / discriminator (TF1 graph code).

Entry point: ``build_model(z, images)``
Inputs:
    z       float32[2,8]      latent codes
    images  float32[2,8,8,1]  real images

TF1 graph code: variable_scope / get_variable / reuse. The discriminator is
built twice, once on real and once on generated images, sharing its weights
through ``reuse=True``.
"""
import tensorflow as tf


def lrelu(x, leak=0.2, name="lrelu"):
    return tf.maximum(x, leak * x, name=name)


class batch_norm(object):
    """Hand-rolled batch norm in the style of DCGAN-tensorflow's ops.py."""

    def __init__(self, epsilon=1e-5, momentum=0.9, name="batch_norm"):
        self.epsilon = epsilon
        self.momentum = momentum
        self.name = name

    def __call__(self, x, train=True):
        shape = x.get_shape().as_list()
        with tf.variable_scope(self.name):
            beta = tf.get_variable("beta", [shape[-1]],
                                   initializer=tf.constant_initializer(0.0))
            gamma = tf.get_variable("gamma", [shape[-1]],
                                    initializer=tf.random_normal_initializer(1.0, 0.02))
            moving_mean = tf.get_variable("moving_mean", [shape[-1]],
                                          initializer=tf.zeros_initializer(),
                                          trainable=False)
            moving_var = tf.get_variable("moving_variance", [shape[-1]],
                                         initializer=tf.ones_initializer(),
                                         trainable=False)
            axes = list(range(len(shape) - 1))
            if train:
                mean, var = tf.nn.moments(x, axes)
            else:
                mean, var = moving_mean, moving_var
            return tf.nn.batch_normalization(x, mean, var, beta, gamma, self.epsilon)


def conv2d(input_, output_dim, k_h=3, k_w=3, d_h=2, d_w=2, stddev=0.02,
           name="conv2d"):
    with tf.variable_scope(name):
        w = tf.get_variable('w', [k_h, k_w, input_.get_shape()[-1], output_dim],
                            initializer=tf.truncated_normal_initializer(stddev=stddev))
        conv = tf.nn.conv2d(input_, w, strides=[1, d_h, d_w, 1], padding='SAME')
        biases = tf.get_variable('biases', [output_dim],
                                 initializer=tf.constant_initializer(0.0))
        conv = tf.reshape(tf.nn.bias_add(conv, biases), tf.shape(conv))
        return conv


def deconv2d(input_, output_shape, k_h=3, k_w=3, d_h=2, d_w=2, stddev=0.02,
             name="deconv2d"):
    with tf.variable_scope(name):
        # filter : [height, width, output_channels, in_channels]
        w = tf.get_variable('w', [k_h, k_w, output_shape[-1], input_.get_shape()[-1]],
                            initializer=tf.random_normal_initializer(stddev=stddev))
        deconv = tf.nn.conv2d_transpose(input_, w, output_shape=output_shape,
                                        strides=[1, d_h, d_w, 1])
        biases = tf.get_variable('biases', [output_shape[-1]],
                                 initializer=tf.constant_initializer(0.0))
        deconv = tf.reshape(tf.nn.bias_add(deconv, biases), deconv.get_shape())
        return deconv


def linear(input_, output_size, scope=None, stddev=0.02, bias_start=0.0):
    shape = input_.get_shape().as_list()
    with tf.variable_scope(scope or "Linear"):
        matrix = tf.get_variable("Matrix", [shape[1], output_size], tf.float32,
                                 tf.random_normal_initializer(stddev=stddev))
        bias = tf.get_variable("bias", [output_size],
                               initializer=tf.constant_initializer(bias_start))
        return tf.matmul(input_, matrix) + bias


def generator(z, batch_size=2, gf_dim=4, c_dim=1):
    with tf.variable_scope("generator"):
        g_bn0 = batch_norm(name='g_bn0')
        g_bn1 = batch_norm(name='g_bn1')
        s_h2, s_h4 = 4, 2
        z_ = linear(z, gf_dim * 2 * s_h4 * s_h4, 'g_h0_lin')
        h0 = tf.reshape(z_, [-1, s_h4, s_h4, gf_dim * 2])
        h0 = tf.nn.relu(g_bn0(h0))
        h1 = deconv2d(h0, [batch_size, s_h2, s_h2, gf_dim], name='g_h1')
        h1 = tf.nn.relu(g_bn1(h1))
        h2 = deconv2d(h1, [batch_size, 8, 8, c_dim], name='g_h2')
        return tf.nn.tanh(h2)


def discriminator(image, df_dim=4, reuse=False):
    with tf.variable_scope("discriminator") as scope:
        if reuse:
            scope.reuse_variables()
        d_bn1 = batch_norm(name='d_bn1')
        h0 = lrelu(conv2d(image, df_dim, name='d_h0_conv'))
        h1 = lrelu(d_bn1(conv2d(h0, df_dim * 2, name='d_h1_conv')))
        h1_flat = tf.reshape(h1, [-1, 2 * 2 * df_dim * 2])
        h2 = linear(h1_flat, 1, 'd_h2_lin')
        return tf.nn.sigmoid(h2), h2


def build_model(z, images):
    G = generator(z)
    D, D_logits = discriminator(images, reuse=False)
    D_, D_logits_ = discriminator(G, reuse=True)
    d_loss_real = tf.reduce_mean(
        tf.nn.sigmoid_cross_entropy_with_logits(logits=D_logits, labels=tf.ones_like(D)))
    d_loss_fake = tf.reduce_mean(
        tf.nn.sigmoid_cross_entropy_with_logits(logits=D_logits_, labels=tf.zeros_like(D_)))
    g_loss = tf.reduce_mean(
        tf.nn.sigmoid_cross_entropy_with_logits(logits=D_logits_, labels=tf.ones_like(D_)))
    return G, d_loss_real + d_loss_fake, g_loss
