import tensorflow as tf
# (a scope-less helper with unnamed layers in a loop, run by a critic under its reused scope)


def block(h, width):
    h = tf.layers.dense(h, width, activation=tf.nn.relu)
    for _ in range(2):
        h = tf.layers.dense(h, width, activation=tf.nn.tanh)
    return h


class Critic(object):
    def __init__(self, width=4):
        self.width = width

    def score(self, x, reuse=False):
        with tf.variable_scope("critic", reuse=reuse):
            h = block(x, self.width)
        return tf.reduce_sum(h, axis=-1)

    def build(self, real, fake):
        return self.score(real), self.score(fake, reuse=True)


PROBE = {"entry": "Critic.build", "init_args": {"width": 4}, "inputs": {"real": "float32[3,5]", "fake": "float32[2,5]"}}
