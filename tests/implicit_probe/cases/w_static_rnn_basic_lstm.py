import tensorflow as tf


def sequence_classifier(x, steps=4, hidden=5):
    with tf.variable_scope("rnn_clf"):
        inputs = tf.unstack(x, steps, axis=1)
        cell = tf.nn.rnn_cell.BasicLSTMCell(hidden, forget_bias=1.0)
        outputs, state = tf.nn.static_rnn(cell, inputs, dtype=tf.float32)
        return tf.layers.dense(outputs[-1], 3, name="out"), state.c


PROBE = {"entry": "sequence_classifier", "inputs": {"x": "float32[2,4,3]"}}
