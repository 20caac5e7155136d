import tensorflow as tf


class BaseNetwork(object):
    """Layer methods shared by the networks (UGATIT-style ops on a base class)."""

    def __init__(self, ch=4, sn=False):
        self.ch = ch
        self.sn = sn

    def conv(self, x, channels, kernel=3, stride=1, scope='conv_0'):
        with tf.variable_scope(scope):
            w = tf.get_variable('kernel', [kernel, kernel, x.get_shape()[-1], channels],
                                initializer=tf.truncated_normal_initializer(stddev=0.02))
            b = tf.get_variable('bias', [channels], initializer=tf.constant_initializer(0.0))
            return tf.nn.conv2d(x, w, [1, stride, stride, 1], 'SAME') + b

    def logit(self, x, scope='logit'):
        with tf.variable_scope(scope):
            x = tf.reshape(x, [x.get_shape().as_list()[0], -1])
            w = tf.get_variable('kernel', [x.get_shape()[-1], 1], initializer=tf.zeros_initializer())
            return tf.matmul(x, w)


class PatchDiscriminator(BaseNetwork):
    def __call__(self, x, reuse=False, scope='patch_discriminator'):
        with tf.variable_scope(scope, reuse=reuse):
            h = tf.nn.leaky_relu(self.conv(x, self.ch, stride=2, scope='conv_0'))
            h = tf.nn.leaky_relu(self.conv(h, self.ch * 2, stride=2, scope='conv_1'))
            return self.logit(h)


def patch_pair(real, fake):
    d = PatchDiscriminator()
    return d(real), d(fake, reuse=True)
