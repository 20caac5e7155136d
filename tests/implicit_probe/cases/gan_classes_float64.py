import tensorflow as tf


class Generator(object):
    def __init__(self, hidden=8, out_dim=4):
        self.hidden = hidden
        self.out_dim = out_dim

    def __call__(self, z):
        with tf.variable_scope("G"):
            h = tf.contrib.layers.fully_connected(z, self.hidden)
            return tf.contrib.layers.fully_connected(h, self.out_dim, activation_fn=tf.nn.tanh)


class Discriminator(object):
    def __call__(self, x, reuse=False):
        with tf.variable_scope("D", reuse=reuse):
            h = tf.layers.dense(x, 8, activation=tf.nn.leaky_relu)
            return tf.layers.dense(h, 1)


def gan(z, real):
    fake = Generator()(z)
    d = Discriminator()
    return d(real), d(fake, reuse=True)


PROBE = {"entry": "gan", "inputs": {"z": "float64[2,3]", "real": "float64[2,4]"}}
