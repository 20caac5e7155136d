# Probe program kept out of cases/ (not migrated as a whole): W's 1a: was WRONG (two model/proj sets); now refused (unsupported-scope).
import tensorflow as tf


class Seq2Seq(object):
    """One projection shared by name between two methods (creator-level AUTO_REUSE)."""

    def __init__(self, units=8):
        self.units = units

    def encode(self, x):
        h = tf.layers.dense(x, self.units, activation=tf.nn.tanh, name="enc")
        return tf.layers.dense(h, self.units, name="proj", reuse=tf.AUTO_REUSE)

    def decode(self, z):
        h = tf.layers.dense(z, self.units, activation=tf.nn.tanh, name="dec")
        return tf.layers.dense(h, self.units, name="proj", reuse=tf.AUTO_REUSE)

    def build(self, x):
        with tf.variable_scope("model"):
            z = self.encode(x)
            return self.decode(z)


PROBE = {"entry": "Seq2Seq.build", "init_args": {"units": 8}, "inputs": {"x": "float32[3,8]"}}
