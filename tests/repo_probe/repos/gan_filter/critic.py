import tensorflow as tf

import ops


class Model(object):
    def __init__(self, name):
        self.name = name

    @property
    def trainable_vars(self):
        return tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=self.name)


class Critic(Model):
    def __init__(self, name='critic', hidden=8):
        super(Critic, self).__init__(name=name)
        self.hidden = hidden

    def __call__(self, obs, reuse=False):
        with tf.variable_scope(self.name) as scope:
            if reuse:
                scope.reuse_variables()
            h = tf.nn.relu(ops.dense(obs, self.hidden, 'fc1'))
            return ops.dense(h, 1, 'q')


def critic_pair(obs, obs_next):
    critic = Critic()
    q = critic(obs)
    q_next = critic(obs_next, reuse=True)
    return q, q_next
