import tensorflow as tf


def scaled_linear(x):
    with tf.variable_scope("linear"):
        with tf.name_scope("params"):
            # get_variable ignores name_scope: linear/w
            w = tf.get_variable("w", [x.get_shape()[-1], 2])
            # tf.Variable does not: linear/params/temperature
            temperature = tf.Variable(1.0, name="temperature")
        logits = tf.matmul(x, w) / temperature
    return tf.nn.softmax(logits)
