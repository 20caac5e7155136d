import tensorflow as tf


class Encoder(object):
    def __init__(self, num_units=6):
        self.num_units = num_units

    def make_cell(self):
        return tf.nn.rnn_cell.GRUCell(self.num_units)

    def encode(self, inputs, lengths):
        cell = self.make_cell()
        with tf.variable_scope("encoder"):
            outputs, state = tf.nn.dynamic_rnn(cell, inputs, sequence_length=lengths, dtype=tf.float32)
        return tf.layers.dense(state, 2, name="head"), outputs


PROBE = {"entry": "Encoder.encode", "init_args": {"num_units": 6},
         "inputs": {"inputs": "float32[2,5,3]", "lengths": "int32[2]"}}
