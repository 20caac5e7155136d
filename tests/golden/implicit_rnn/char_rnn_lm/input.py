import tensorflow as tf


def language_model(inputs, vocab_size=6, rnn_size=8, num_layers=2):
    with tf.variable_scope("rnnlm"):
        cells = []
        for _ in range(num_layers):
            cell = tf.nn.rnn_cell.BasicLSTMCell(rnn_size)
            cell = tf.nn.rnn_cell.DropoutWrapper(cell, output_keep_prob=1.0)
            cells.append(cell)
        cell = tf.nn.rnn_cell.MultiRNNCell(cells, state_is_tuple=True)
        initial_state = cell.zero_state(tf.shape(inputs)[0], tf.float32)
        outputs, last_state = tf.nn.dynamic_rnn(cell, inputs, initial_state=initial_state)
        logits = tf.layers.dense(outputs, vocab_size, name="softmax")
    return logits, last_state[-1].h
