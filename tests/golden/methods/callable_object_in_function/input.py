import tensorflow as tf


class batch_norm(object):
    """DCGAN-tensorflow's ops.batch_norm: the scope is the object's name, resolved at call time."""

    def __init__(self, epsilon=1e-5, name="batch_norm"):
        self.epsilon = epsilon
        self.name = name

    def __call__(self, x):
        with tf.variable_scope(self.name):
            n = x.get_shape()[-1]
            beta = tf.get_variable("beta", [n], initializer=tf.constant_initializer(0.0))
            gamma = tf.get_variable("gamma", [n], initializer=tf.random_normal_initializer(1.0, 0.02))
            mean, var = tf.nn.moments(x, [0])
            return tf.nn.batch_normalization(x, mean, var, beta, gamma, self.epsilon)


def discriminator(x, reuse=False):
    with tf.variable_scope("discriminator") as scope:
        if reuse:
            scope.reuse_variables()
        d_bn1 = batch_norm(name="d_bn1")
        w = tf.get_variable("w", [x.get_shape()[-1], 4])
        return d_bn1(tf.matmul(x, w))


def gan(real, fake):
    return discriminator(real), discriminator(fake, reuse=True)
