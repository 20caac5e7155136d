import tensorflow as tf


def make_cell(num_units, keep_prob=1.0):
    cell = tf.nn.rnn_cell.LSTMCell(num_units)
    return tf.nn.rnn_cell.DropoutWrapper(cell, output_keep_prob=keep_prob)


class CharModel(object):
    def __init__(self, num_units=8, num_layers=2, cell_type="gru"):
        self.num_units = num_units
        self.num_layers = num_layers
        self.cell_type = cell_type

    def _cell(self):
        return tf.nn.rnn_cell.GRUCell(self.num_units)

    def encode(self, inputs, lengths):
        cell_fn = tf.nn.rnn_cell.LSTMCell if self.cell_type == "lstm" else tf.nn.rnn_cell.GRUCell
        with tf.variable_scope("encoder"):
            cell = tf.nn.rnn_cell.MultiRNNCell([self._cell() for _ in range(self.num_layers)])
            outputs, state = tf.nn.dynamic_rnn(cell, inputs, sequence_length=lengths,
                                               dtype=tf.float32)
        with tf.variable_scope("decoder"):
            dec = tf.nn.rnn_cell.MultiRNNCell([make_cell(self.num_units) for _ in range(2)])
            out2, _ = tf.nn.dynamic_rnn(dec, outputs, dtype=tf.float32)
        with tf.variable_scope("head"):
            top = cell_fn(self.num_units)
            out3, _ = tf.nn.dynamic_rnn(top, out2, dtype=tf.float32)
        return out3


def build(inputs, lengths):
    return CharModel().encode(inputs, lengths)
