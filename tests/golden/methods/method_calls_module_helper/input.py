import tensorflow as tf


def linear(x, output_size, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [x.get_shape()[-1], output_size],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        b = tf.get_variable("b", [output_size], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


class PolicyNetwork(object):
    def __init__(self, num_actions, hiddens=(8, 8)):
        self.num_actions = num_actions
        self.hiddens = hiddens

    def forward(self, obs):
        with tf.variable_scope("policy"):
            h = obs
            for i, size in enumerate(self.hiddens):
                h = tf.tanh(linear(h, size, "fc%d" % i))
            return linear(h, self.num_actions, "logits")
