import tensorflow as tf


def decoder(x, n_layers=2):
    with tf.variable_scope("decoder"):
        # (layer objects built in a loop, in a local list, or Dense(...)(x) inline stay TF1, reported)
        hidden = tf.layers.Dense(6, activation=tf.nn.relu, name="hidden")
        x = hidden(hidden(x))  # one object called twice: its variables shared
        up = tf.layers.Conv2DTranspose(3, 3, strides=2, padding="same", name="up")
        img = up(tf.reshape(x, [-1, 2, 3, 1]))
        return img


def speller(inputs, lengths):
    with tf.variable_scope("speller"):
        cell = tf.contrib.rnn.LSTMCell(5, num_proj=3, cell_clip=2.0)
        out, state = tf.nn.dynamic_rnn(cell, inputs, sequence_length=lengths, dtype=tf.float32,
                                       scope="lstm")
        gru = tf.contrib.rnn.GRUCell(3)
        out2, _ = tf.nn.dynamic_rnn(gru, out, dtype=tf.float32, scope="gru")
        return out2, state.c


def both(x, inputs, lengths):
    return decoder(x), speller(inputs, lengths)


PROBE = {"entry": "both", "inputs": {"x": "float32[2,6]", "inputs": "float32[2,3,2]", "lengths": "int32[2]"}}
