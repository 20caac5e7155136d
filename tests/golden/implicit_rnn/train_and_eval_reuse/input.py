import tensorflow as tf


def encode(inputs, training, reuse=False, num_units=4):
    with tf.variable_scope("encoder", reuse=reuse):
        cell = tf.nn.rnn_cell.LSTMCell(num_units)
        if training:
            cell = tf.nn.rnn_cell.DropoutWrapper(cell, output_keep_prob=1.0)
        outputs, state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32)
        return tf.layers.dense(state.h, 2, name="logits")


def train_and_eval(inputs):
    train_logits = encode(inputs, training=True)
    eval_logits = encode(inputs, training=False, reuse=True)
    return train_logits, eval_logits
