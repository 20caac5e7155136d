import tensorflow as tf


def dense(x, n, name):
    with tf.variable_scope(name):
        w = tf.get_variable("kernel", [x.get_shape()[-1], n], initializer=tf.truncated_normal_initializer(stddev=0.02))
        return tf.matmul(x, w)


class Encoder(object):
    def __init__(self, x, hidden=8, scope=None):
        with tf.variable_scope(scope, default_name="encoder"):
            self.hidden = tf.nn.relu(dense(x, hidden, "fc1"))
            self.output = dense(self.hidden, 3, "fc2")

    def get_output(self):
        return self.output
