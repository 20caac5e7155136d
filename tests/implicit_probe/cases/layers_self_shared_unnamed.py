import tensorflow as tf


class Siamese(object):
    def __init__(self, hidden=8):
        self.embed = tf.layers.Dense(hidden, activation=tf.nn.tanh)
        self.head = tf.layers.Dense(1)

    def distance(self, a, b):
        with tf.variable_scope("siamese"):
            ea = self.embed(a)
            eb = self.embed(b)
            return self.head(tf.abs(ea - eb))


PROBE = {"entry": "Siamese.distance", "init_args": {"hidden": 8},
         "inputs": {"a": "float32[3,5]", "b": "float32[3,5]"}}
