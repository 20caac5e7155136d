import tensorflow as tf


class Policy(object):
    def __init__(self, name, *args, **kwargs):
        with tf.variable_scope(name):
            self._init(*args, **kwargs)
            self.scope = tf.get_variable_scope().name

    def _init(self, ob, hid_size=4):
        w = tf.get_variable("w", [ob.get_shape()[-1], hid_size])
        self.out = tf.matmul(ob, w)
        return self.out


def value(ob):
    pi = Policy("pi", ob, hid_size=3)
    return pi.out
