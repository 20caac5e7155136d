import tensorflow as tf


class Critic(object):
    """A model class whose layer helpers are static methods (no `self`), and a block built by a
    class method that only calls them through `cls`."""

    def __init__(self, hidden=8):
        self.hidden = hidden

    @staticmethod
    def linear(x, size, scope, stddev=0.02):
        with tf.variable_scope(scope):
            w = tf.get_variable("w", [x.get_shape()[-1], size],
                                initializer=tf.random_normal_initializer(stddev=stddev))
            b = tf.get_variable("b", [size], initializer=tf.zeros_initializer())
            return tf.matmul(x, w) + b

    @classmethod
    def block(cls, x, size, scope):
        with tf.variable_scope(scope):
            h = tf.nn.relu(cls.linear(x, size, "fc1"))
            return x + cls.linear(h, size, "fc2")

    def critic(self, x, reuse=False):
        with tf.variable_scope("critic", reuse=reuse):
            h = Critic.linear(x, self.hidden, "in")
            h = self.block(h, self.hidden, "res")
            return self.linear(h, 1, "out")

    def pair(self, real, fake):
        return self.critic(real), self.critic(fake, reuse=True)
