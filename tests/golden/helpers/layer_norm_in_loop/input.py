import tensorflow as tf


def layer_norm(x, epsilon=1e-6):
    dim = x.get_shape()[-1].value
    gamma = tf.get_variable("gamma", [dim], initializer=tf.ones_initializer())
    beta = tf.get_variable("beta", [dim], initializer=tf.zeros_initializer())
    mean, variance = tf.nn.moments(x, [-1], keep_dims=True)
    return (x - mean) * tf.rsqrt(variance + epsilon) * gamma + beta


def ffn_stack(x, num_layers=2):
    for i in range(num_layers):
        with tf.variable_scope("layer_%d" % i):
            with tf.variable_scope("ffn"):
                w = tf.get_variable("w", [x.get_shape()[-1], x.get_shape()[-1]])
                y = tf.nn.relu(tf.matmul(x, w))
            with tf.variable_scope("norm"):
                x = layer_norm(x + y)
    return x
