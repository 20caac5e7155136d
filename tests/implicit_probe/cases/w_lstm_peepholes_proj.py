import tensorflow as tf


def encoder(inputs):
    with tf.variable_scope("enc"):
        cell = tf.nn.rnn_cell.LSTMCell(5, use_peepholes=True, num_proj=3, forget_bias=0.5)
        outputs, state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
        return outputs, state.c, state.h


PROBE = {"entry": "encoder", "inputs": {"inputs": "float32[2,4,3]"}}
