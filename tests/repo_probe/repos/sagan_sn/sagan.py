import tensorflow as tf

from attention import attention
from ops import conv, fully_connected, lrelu


class SAGAN(object):
    def __init__(self, ch=4, sn=True):
        self.ch = ch
        self.sn = sn
        self.model_name = "SAGAN"

    def discriminator(self, x, reuse=False, scope="discriminator"):
        with tf.variable_scope(scope, reuse=reuse):
            ch = self.ch
            x = lrelu(conv(x, ch, kernel=4, stride=2, pad=1, sn=self.sn, scope='conv'))
            x = attention(x, ch, sn=self.sn, scope="attention")
            for i in range(2):
                x = lrelu(conv(x, ch * 2, kernel=4, stride=2, pad=1, sn=self.sn, scope='conv_' + str(i)))
                ch = ch * 2
            x = fully_connected(x, units=1, sn=self.sn, scope='d_logit')
            return x

    def gan_outputs(self, real, fake):
        real_logits = self.discriminator(real)
        fake_logits = self.discriminator(fake, reuse=True)
        return real_logits, fake_logits


def discriminator_loss(real, fake):
    real_loss = tf.reduce_mean(tf.nn.relu(1.0 - real))
    fake_loss = tf.reduce_mean(tf.nn.relu(1.0 + fake))
    return real_loss + fake_loss
