import tensorflow as tf


class Seq2SeqEncoder(object):
    def __init__(self, num_units=4, num_layers=2):
        self.num_units = num_units
        self.num_layers = num_layers

    def encode(self, source, reuse=False):
        with tf.variable_scope("encoder", reuse=reuse):
            cells = [tf.nn.rnn_cell.GRUCell(self.num_units) for _ in range(self.num_layers)]
            cell = tf.nn.rnn_cell.MultiRNNCell(cells)
            steps = tf.unstack(source, axis=1)
            outputs, state = tf.nn.static_rnn(cell, steps, dtype=tf.float32)
            return tf.stack(outputs, axis=1), state[-1]
