import tensorflow as tf


def encode(inputs, num_units, scope='encoder'):
    with tf.variable_scope(scope):
        cell = tf.nn.rnn_cell.GRUCell(num_units)
        outputs, state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
        return outputs, state


def bi_encode(inputs, lengths, num_units, scope='bi_encoder'):
    with tf.variable_scope(scope):
        fw = tf.nn.rnn_cell.LSTMCell(num_units)
        bw = tf.nn.rnn_cell.LSTMCell(num_units)
        (out_fw, out_bw), _ = tf.nn.bidirectional_dynamic_rnn(fw, bw, inputs, sequence_length=lengths,
                                                              dtype=tf.float32)
        return tf.concat([out_fw, out_bw], axis=-1)
