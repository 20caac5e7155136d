import tensorflow as tf


def decode(inputs, initial_state, num_units, vocab_size, scope='decoder'):
    with tf.variable_scope(scope):
        cell = tf.nn.rnn_cell.GRUCell(num_units)
        outputs, _ = tf.nn.dynamic_rnn(cell, inputs, initial_state=initial_state, dtype=tf.float32)
        logits = tf.layers.dense(outputs, vocab_size, name='projection')
        return logits
