import tensorflow as tf


class Policy(object):
    def __init__(self, num_actions=3, hidden=16):
        self.num_actions = num_actions
        self.hidden = hidden

    def network(self, obs, reuse=False):
        with tf.variable_scope("policy", reuse=reuse):
            h = tf.layers.dense(obs, self.hidden, activation=tf.nn.tanh,
                                kernel_initializer=tf.orthogonal_initializer(1.0), name="fc1")
            h = tf.layers.dense(h, self.hidden, activation=tf.nn.tanh, name="fc2")
            logits = tf.layers.dense(h, self.num_actions, name="logits")
            value = tf.layers.dense(h, 1, name="value")[:, 0]
            return logits, value


PROBE = {"entry": "Policy.network", "init_args": {"num_actions": 3, "hidden": 16},
         "inputs": {"obs": "float32[5,4]"}}
