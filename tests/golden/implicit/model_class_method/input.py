import tensorflow as tf


class Critic(object):
    def __init__(self, hidden=8):
        self.hidden = hidden

    def value(self, obs, reuse=False):
        with tf.variable_scope("critic", reuse=reuse):
            h = tf.layers.dense(obs, self.hidden, activation=tf.nn.relu, name="h")
            return tf.layers.dense(h, 1, name="v")
