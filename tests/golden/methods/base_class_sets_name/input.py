import tensorflow as tf


class Model(object):
    def __init__(self, name):
        self.name = name

    @property
    def trainable_vars(self):
        return tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=self.name)


class Critic(Model):
    def __init__(self, name="critic", hidden=8):
        super(Critic, self).__init__(name=name)
        self.hidden = hidden

    def __call__(self, obs, reuse=False):
        with tf.variable_scope(self.name) as scope:
            if reuse:
                scope.reuse_variables()
            w = tf.get_variable("w", [obs.get_shape()[-1], self.hidden],
                                initializer=tf.random_normal_initializer(stddev=0.1))
            v = tf.get_variable("v", [self.hidden, 1], initializer=tf.random_normal_initializer(stddev=0.1))
            return tf.matmul(tf.nn.relu(tf.matmul(obs, w)), v)


def critic_pair(obs, obs_next):
    critic = Critic()
    return critic(obs), critic(obs_next, reuse=True)
