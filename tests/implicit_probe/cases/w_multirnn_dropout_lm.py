import tensorflow as tf


def language_model(inputs, keep_prob=1.0, num_layers=2, hidden=6):
    with tf.variable_scope("lm"):
        cells = []
        for _ in range(num_layers):
            cell = tf.contrib.rnn.LSTMCell(hidden)
            cell = tf.contrib.rnn.DropoutWrapper(cell, output_keep_prob=keep_prob)
            cells.append(cell)
        stack = tf.contrib.rnn.MultiRNNCell(cells)
        outputs, _ = tf.nn.dynamic_rnn(stack, inputs, dtype=tf.float32)
        return tf.layers.dense(outputs, 7, name="softmax")


PROBE = {"entry": "language_model", "inputs": {"inputs": "float32[2,5,4]"}}
