import tensorflow as tf


class Seq2Seq(object):
    def __init__(self, units=6):
        self.units = units
        self.cell = tf.nn.rnn_cell.LSTMCell(units)

    def encode(self, x):
        with tf.variable_scope("encoder"):
            outputs, state = tf.nn.dynamic_rnn(self.cell, x, dtype=tf.float32)
        return outputs, state

    def decode(self, y, state):
        with tf.variable_scope("encoder", reuse=True):
            outputs, _ = tf.nn.dynamic_rnn(self.cell, y, initial_state=state)
        return outputs

    def build(self, x, y):
        enc, state = self.encode(x)
        return self.decode(y, state), enc


PROBE = {"entry": "Seq2Seq.build", "init_args": {"units": 6},
         "inputs": {"x": "float32[2,5,3]", "y": "float32[2,4,3]"}}
