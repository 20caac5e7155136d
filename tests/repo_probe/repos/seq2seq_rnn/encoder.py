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


def stacked_encode(inputs, num_units=4, num_layers=2, keep_prob=1.0):
    with tf.variable_scope('stacked'):
        cells = [tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.LSTMCell(num_units), output_keep_prob=keep_prob)
                 for _ in range(num_layers)]
        cell = tf.nn.rnn_cell.MultiRNNCell(cells)
        outputs, state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
        return outputs, state[-1].h
