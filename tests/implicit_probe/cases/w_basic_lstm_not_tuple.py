import tensorflow as tf


def rnn(x):
    with tf.variable_scope("lstm"):
        cell = tf.nn.rnn_cell.BasicLSTMCell(3, state_is_tuple=False, forget_bias=0.0)
        outputs, state = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
        return outputs, state


PROBE = {"entry": "rnn", "inputs": {"x": "float32[2,4,2]"}}
