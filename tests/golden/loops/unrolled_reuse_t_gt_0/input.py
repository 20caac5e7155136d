import tensorflow as tf


def rnn(inputs, num_units=5):
    steps = tf.unstack(inputs, axis=1)
    state = tf.zeros([tf.shape(inputs)[0], num_units])
    outputs = []
    for t, x in enumerate(steps):
        with tf.variable_scope("rnn_cell", reuse=(t > 0)):
            w_x = tf.get_variable("w_x", [x.get_shape()[-1], num_units])
            w_h = tf.get_variable("w_h", [num_units, num_units],
                                  initializer=tf.orthogonal_initializer())
            b = tf.get_variable("b", [num_units], initializer=tf.zeros_initializer())
            state = tf.tanh(tf.matmul(x, w_x) + tf.matmul(state, w_h) + b)
            outputs.append(state)
    return tf.stack(outputs, axis=1), state
