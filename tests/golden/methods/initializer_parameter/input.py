import tensorflow as tf


def dense(x, size, name, weight_init=None):
    w = tf.get_variable(name + "/w", [x.get_shape()[1], size], initializer=weight_init)
    b = tf.get_variable(name + "/b", [size], initializer=tf.zeros_initializer())
    return tf.matmul(x, w) + b


class MlpPolicy(object):
    recurrent = False

    def __init__(self, name, *args, **kwargs):
        with tf.variable_scope(name):
            self._init(*args, **kwargs)
            self.scope = tf.get_variable_scope().name

    def _init(self, ob, hid_size, num_hid_layers):
        last_out = ob
        for i in range(num_hid_layers):
            last_out = tf.nn.tanh(dense(last_out, hid_size, "polfc%i" % (i + 1)))
        self.vpred = dense(last_out, 1, "vffinal")[:, 0]


def value(ob):
    pi = MlpPolicy("pi", ob, 4, 2)
    return pi.vpred
