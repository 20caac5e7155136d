import tensorflow as tf


def encoder(inputs, lengths, num_units=6):
    with tf.variable_scope("encoder"):
        cell = tf.nn.rnn_cell.LSTMCell(num_units)
        outputs, state = tf.nn.dynamic_rnn(cell, inputs, sequence_length=lengths, dtype=tf.float32)
    with tf.variable_scope("summary"):
        cells = [tf.nn.rnn_cell.GRUCell(4) for _ in range(2)]
        stack = tf.nn.rnn_cell.MultiRNNCell(cells)
        out2, _ = tf.nn.dynamic_rnn(stack, outputs, dtype=tf.float32)
    return tf.layers.dense(out2[:, -1], 3, name="proj"), state.h


PROBE = {"entry": "encoder", "inputs": {"inputs": "float32[2,5,3]", "lengths": "int32[2]"}}
