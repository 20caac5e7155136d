import tensorflow as tf


class Discriminator(object):
    def __init__(self, width):
        self.width = width
        self.h0 = tf.layers.Dense(width, activation=tf.nn.leaky_relu, name="h0")
        self.h1 = tf.layers.Dense(width // 2, activation=tf.nn.leaky_relu, name="h1")
        self.out = tf.layers.Dense(1, name="out")

    def __call__(self, x, reuse=False):
        with tf.variable_scope("discriminator", reuse=reuse):
            return self.out(self.h1(self.h0(x)))


def build(real, fake):
    disc = Discriminator(8)
    real_logits = disc(real)
    fake_logits = disc(fake, reuse=True)
    return real_logits, fake_logits
