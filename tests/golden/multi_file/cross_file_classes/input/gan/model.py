import tensorflow as tf
from ops import *


class DCGAN(object):
    def __init__(self, dfc_dim=8):
        self.dfc_dim = dfc_dim
        self.d_bn1 = batch_norm(name="d_bn1")

    def discriminator(self, x, reuse=False):
        with tf.variable_scope("discriminator") as scope:
            if reuse:
                scope.reuse_variables()
            h0 = tf.nn.relu(linear(x, self.dfc_dim, "d_h0_lin"))
            h1 = tf.nn.relu(self.d_bn1(linear(h0, self.dfc_dim, "d_h1_lin")))
            return linear(h1, 1, "d_h2_lin")


def gan_logits(real, fake):
    gan = DCGAN()
    return gan.discriminator(real), gan.discriminator(fake, reuse=True)
