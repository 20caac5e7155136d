import tensorflow as tf


def encode(inputs, num_units, scope='encoder'):
    with tf.variable_scope(scope):
        cell = tf.nn.rnn_cell.GRUCell(num_units)
        outputs, state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
        return outputs, state
