import tensorflow as tf


class Discriminator(object):
    def __init__(self, name="disc", width=6):
        self.name = name
        self.width = width

    def __call__(self, x):
        with tf.variable_scope(self.name, reuse=tf.AUTO_REUSE):
            h = tf.layers.dense(x, self.width, activation=tf.nn.leaky_relu, name="h")
            return tf.layers.dense(h, 1, name="logit")


def scores(real, fake):
    d = Discriminator()
    return d(real), d(fake)


PROBE = {"entry": "scores", "inputs": {"real": "float32[3,4]", "fake": "float32[2,4]"}}
