import tensorflow as tf


def rnn(x, lengths):
    with tf.variable_scope("rnn"):
        cell = tf.nn.rnn_cell.GRUCell(4, activation=tf.nn.relu,
                                      kernel_initializer=tf.truncated_normal_initializer(stddev=0.1),
                                      bias_initializer=tf.constant_initializer(0.5))
        outputs, state = tf.nn.dynamic_rnn(cell, x, sequence_length=lengths, dtype=tf.float32,
                                           time_major=False)
        return outputs, state


PROBE = {"entry": "rnn", "inputs": {"x": "float32[3,4,2]", "lengths": "int32[3]"}}
