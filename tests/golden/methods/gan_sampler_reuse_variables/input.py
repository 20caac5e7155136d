import tensorflow as tf


class batch_norm(object):
    """Batch statistics only (no moving averages): the sampler's outputs do not depend on the
    order TF1 ran the generator's updates in."""

    def __init__(self, epsilon=1e-5, name="batch_norm"):
        self.epsilon = epsilon
        self.name = name

    def __call__(self, x, train=True):
        with tf.variable_scope(self.name):
            n = x.get_shape()[-1]
            beta = tf.get_variable("beta", [n], initializer=tf.constant_initializer(0.0))
            gamma = tf.get_variable("gamma", [n], initializer=tf.random_normal_initializer(1.0, 0.02))
            mean, var = tf.nn.moments(x, [0, 1, 2] if len(x.get_shape()) == 4 else [0])
            return tf.nn.batch_normalization(x, mean, var, beta, gamma, self.epsilon)


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


def linear(input_, output_size, scope=None, stddev=0.02, bias_start=0.0):
    shape = input_.get_shape().as_list()
    with tf.variable_scope(scope or "Linear"):
        matrix = tf.get_variable("Matrix", [shape[1], output_size], tf.float32,
                                 tf.random_normal_initializer(stddev=stddev))
        bias = tf.get_variable("bias", [output_size], initializer=tf.constant_initializer(bias_start))
        return tf.matmul(input_, matrix) + bias


def deconv2d(input_, output_shape, k_h=5, k_w=5, d_h=2, d_w=2, stddev=0.02, name="deconv2d"):
    with tf.variable_scope(name):
        w = tf.get_variable('w', [k_h, k_w, output_shape[-1], input_.get_shape()[-1]],
                            initializer=tf.random_normal_initializer(stddev=stddev))
        deconv = tf.nn.conv2d_transpose(input_, w, output_shape=output_shape, strides=[1, d_h, d_w, 1])
        biases = tf.get_variable('biases', [output_shape[-1]], initializer=tf.constant_initializer(0.0))
        return tf.nn.bias_add(deconv, biases)


class DCGAN(object):
    def __init__(self, batch_size=4, gf_dim=4, df_dim=4, c_dim=3):
        self.batch_size = batch_size
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
            h0 = lrelu(linear(tf.reshape(image, [self.batch_size, -1]), self.df_dim * 2, 'd_h0_lin'))
            h1 = lrelu(self.d_bn1(linear(h0, self.df_dim, 'd_h1_lin')))
            h2 = linear(h1, 1, 'd_h2_lin')
            return tf.nn.sigmoid(h2), h2

    def generator(self, z):
        with tf.variable_scope("generator") as scope:
            h0 = tf.reshape(linear(z, self.gf_dim * 2 * 2 * 2, 'g_h0_lin'), [-1, 2, 2, self.gf_dim * 2])
            h0 = tf.nn.relu(self.g_bn0(h0))
            h1 = deconv2d(h0, [self.batch_size, 4, 4, self.gf_dim], name='g_h1')
            h1 = tf.nn.relu(self.g_bn1(h1))
            h2 = deconv2d(h1, [self.batch_size, 8, 8, self.c_dim], name='g_h2')
            return tf.nn.tanh(h2)

    def sampler(self, z):
        with tf.variable_scope("generator") as scope:
            scope.reuse_variables()
            h0 = tf.reshape(linear(z, self.gf_dim * 2 * 2 * 2, 'g_h0_lin'), [-1, 2, 2, self.gf_dim * 2])
            h0 = tf.nn.relu(self.g_bn0(h0, train=False))
            h1 = deconv2d(h0, [self.batch_size, 4, 4, self.gf_dim], name='g_h1')
            h1 = tf.nn.relu(self.g_bn1(h1, train=False))
            h2 = deconv2d(h1, [self.batch_size, 8, 8, self.c_dim], name='g_h2')
            return tf.nn.tanh(h2)

    def build_model(self, z, inputs):
        self.G = self.generator(z)
        self.D, self.D_logits = self.discriminator(inputs)
        self.S = self.sampler(z)
        self.D_, self.D_logits_ = self.discriminator(self.G, reuse=True)
        t_vars = tf.trainable_variables()
        self.d_vars = [var for var in t_vars if 'd_' in var.name]
        self.g_vars = [var for var in t_vars if 'g_' in var.name]
        d_sum = tf.add_n([tf.reduce_sum(v) for v in self.d_vars])
        g_sum = tf.add_n([tf.reduce_sum(v) for v in self.g_vars])
        return self.G, self.S, self.D_logits, self.D_logits_, d_sum, g_sum
