import tensorflow as tf


def mlp(x, hidden_sizes=(8, 6, 4)):
    h = x
    with tf.variable_scope("mlp"):
        for i, size in enumerate(hidden_sizes):
            with tf.variable_scope("h%d" % i):
                w = tf.get_variable("w", [h.get_shape()[-1], size],
                                    initializer=tf.truncated_normal_initializer(stddev=0.1))
                b = tf.get_variable("b", [size], initializer=tf.zeros_initializer())
                h = tf.nn.relu(tf.matmul(h, w) + b)
    return h
