import tensorflow as tf


def encoder(inputs, lengths, num_units=6, reuse=False):
    with tf.variable_scope("encoder", reuse=reuse):
        cell = tf.contrib.rnn.GRUCell(num_units)
        outputs, state = tf.nn.dynamic_rnn(cell, inputs, sequence_length=lengths,
                                           dtype=tf.float32)
        return outputs, state


def siamese(left, right, left_lengths, right_lengths):
    _, left_state = encoder(left, left_lengths)
    _, right_state = encoder(right, right_lengths, reuse=True)
    return tf.reduce_sum(left_state * right_state, axis=1)
