import tensorflow as tf


def char_lm(inputs, vocab_size=10, num_units=8):
    """A character LM unrolled by hand: the same LSTM cell called at every step."""
    batch_size = inputs.shape[0]
    steps = inputs.shape[1]
    cell = tf.nn.rnn_cell.LSTMCell(num_units)
    state = cell.zero_state(batch_size, tf.float32)
    outputs = []
    with tf.variable_scope("rnn"):
        for t in range(steps):
            if t > 0:
                tf.get_variable_scope().reuse_variables()
            output, state = cell(inputs[:, t, :], state)
            outputs.append(output)
    with tf.variable_scope("softmax"):
        w = tf.get_variable("w", [num_units, vocab_size])
        b = tf.get_variable("b", [vocab_size], initializer=tf.zeros_initializer())
    logits = [tf.matmul(o, w) + b for o in outputs]
    return tf.stack(logits, axis=1), state
