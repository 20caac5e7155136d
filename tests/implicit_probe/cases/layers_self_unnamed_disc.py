import tensorflow as tf


class Discriminator(object):
    def __init__(self, width=6):
        self.hidden = tf.layers.Dense(width, activation=tf.nn.leaky_relu)
        self.norm = tf.layers.BatchNormalization(momentum=0.8)
        self.logit = tf.layers.Dense(1)

    def __call__(self, real, fake, training):
        with tf.variable_scope("discriminator", reuse=tf.AUTO_REUSE):
            h_real = self.norm(self.hidden(real), training=training)
            h_fake = self.norm(self.hidden(fake), training=training)
            return self.logit(h_real), self.logit(h_fake)


def scores(real, fake):
    disc = Discriminator()
    first = disc(real, fake, False)
    second = disc(fake, real, False)
    return first, second


PROBE = {"entry": "scores", "inputs": {"real": "float32[4,5]", "fake": "float32[4,5]"}}
