import tensorflow as tf


class GAN(object):
    """tf.layers in a generator; the sampler re-enters its scope through
    tf.get_variable_scope().reuse_variables() (default names dense, dense_1 included)."""

    def __init__(self, hidden=8, out_dim=6):
        self.hidden = hidden
        self.out_dim = out_dim

    def generator(self, z):
        with tf.variable_scope("generator"):
            h = tf.layers.dense(z, self.hidden, activation=tf.nn.relu, name="g_fc1")
            h = tf.layers.dense(h, self.hidden, activation=tf.nn.relu)
            return tf.nn.tanh(tf.layers.dense(h, self.out_dim))

    def sampler(self, z):
        with tf.variable_scope("generator"):
            tf.get_variable_scope().reuse_variables()
            h = tf.layers.dense(z, self.hidden, activation=tf.nn.relu, name="g_fc1")
            h = tf.layers.dense(h, self.hidden, activation=tf.nn.relu)
            return tf.nn.tanh(tf.layers.dense(h, self.out_dim))

    def discriminator(self, x, reuse=False):
        with tf.variable_scope("discriminator", reuse=reuse):
            return tf.layers.dense(tf.layers.dense(x, self.hidden, activation=tf.nn.leaky_relu), 1)

    def build_model(self, z, images):
        fake = self.generator(z)
        d_real = self.discriminator(images)
        d_fake = self.discriminator(fake, reuse=True)
        samples = self.sampler(z)
        d_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="discriminator")
        g_vars = [v for v in tf.trainable_variables() if v.name.startswith("generator")]
        return (fake, samples, d_real, d_fake, tf.add_n([tf.reduce_sum(v) for v in d_vars]),
                tf.add_n([tf.reduce_sum(v) for v in g_vars]))
