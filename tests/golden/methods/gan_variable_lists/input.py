import tensorflow as tf


class GAN(object):
    def __init__(self, z_dim=4):
        self.z_dim = z_dim

    def discriminator(self, x, reuse=False):
        with tf.variable_scope("discriminator", reuse=reuse):
            h = tf.layers.dense(x, 8, activation=tf.nn.leaky_relu, name="d_fc1")
            return tf.layers.dense(h, 1, name="d_fc2")

    def generator(self, z, reuse=False):
        with tf.variable_scope("generator", reuse=reuse):
            h = tf.layers.dense(z, 8, activation=tf.nn.relu, name="g_fc1")
            return tf.nn.tanh(tf.layers.dense(h, 6, name="g_fc2"))

    def build_model(self, z, images):
        fake = self.generator(z)
        d_real = self.discriminator(images)
        d_fake = self.discriminator(fake, reuse=True)
        self.d_loss = tf.reduce_mean(d_fake) - tf.reduce_mean(d_real)
        t_vars = tf.trainable_variables()
        self.d_vars = [v for v in t_vars if 'd_' in v.name]
        self.g_vars = [v for v in t_vars if 'g_' in v.name]
        d_sum = tf.add_n([tf.reduce_sum(v) for v in self.d_vars])
        g_sum = tf.add_n([tf.reduce_sum(v) for v in self.g_vars])
        return self.d_loss, fake, d_sum, g_sum
