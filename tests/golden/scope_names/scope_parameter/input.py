import tensorflow as tf


def linear(x, output_size, scope, stddev=0.02):
    with tf.variable_scope(scope):
        w = tf.get_variable("weights", [x.get_shape()[1], output_size],
                            initializer=tf.random_normal_initializer(stddev=stddev))
        b = tf.get_variable("biases", [output_size], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


def two_layer(x):
    h = tf.nn.relu(linear(x, 8, "fc1"))
    return linear(h, 2, scope="fc2", stddev=0.1)
