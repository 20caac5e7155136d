import tensorflow as tf


def linear(x, n, scope=None):
    with tf.variable_scope(scope or "Linear"):
        w = tf.get_variable("Matrix", [x.get_shape()[-1], n], tf.float32,
                            tf.random_normal_initializer(stddev=0.02))
        b = tf.get_variable("bias", [n], initializer=tf.constant_initializer(0.0))
        return tf.matmul(x, w) + b


class GAN(object):
    def __init__(self, lr=0.1):
        self.lr = lr

    def discriminator(self, x, reuse=False):
        with tf.variable_scope("discriminator", reuse=reuse):
            h = tf.nn.relu(linear(x, 8, "d_fc1"))
            return linear(h, 1, "d_fc2")

    def generator(self, z, reuse=False):
        with tf.variable_scope("generator", reuse=reuse):
            h = tf.nn.relu(linear(z, 8, "g_fc1"))
            return tf.nn.tanh(linear(h, 6, "g_fc2"))

    def build_model(self):
        self.k = tf.Variable(0., trainable=False)
        self.z = tf.placeholder(tf.float32, [2, 4], name="z")
        self.x = tf.placeholder(tf.float32, [2, 6], name="x")
        fake = self.generator(self.z)
        d_real = self.discriminator(self.x)
        d_fake = self.discriminator(fake, reuse=True)
        self.d_loss = tf.reduce_mean(d_fake) - tf.reduce_mean(d_real) * self.k
        self.g_loss = -tf.reduce_mean(d_fake)
        t_vars = tf.trainable_variables()
        d_vars = [v for v in t_vars if 'd_' in v.name]
        g_vars = [v for v in t_vars if 'g_' in v.name]
        self.d_optim = tf.train.AdamOptimizer(self.lr).minimize(self.d_loss, var_list=d_vars)
        self.g_optim = tf.train.AdamOptimizer(self.lr).minimize(self.g_loss, var_list=g_vars)
        self.sample = self.generator(self.z, reuse=True)
