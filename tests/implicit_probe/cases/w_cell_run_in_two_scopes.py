import tensorflow as tf


def two_runs(a, b):
    cell = tf.nn.rnn_cell.GRUCell(4)
    with tf.variable_scope("first"):
        out_a, _ = tf.nn.dynamic_rnn(cell, a, dtype=tf.float32)
    with tf.variable_scope("second"):
        out_b, _ = tf.nn.dynamic_rnn(cell, b, dtype=tf.float32)
    return out_a, out_b


PROBE = {"entry": "two_runs", "inputs": {"a": "float32[2,3,2]", "b": "float32[2,5,2]"}}
