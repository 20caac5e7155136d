import tensorflow as tf


def layer_norm(x):
    dim = x.get_shape()[-1].value
    scale = tf.get_variable("scale", [dim], initializer=tf.ones_initializer())
    mean, var = tf.nn.moments(x, [-1], keep_dims=True)
    return (x - mean) * tf.rsqrt(var + 1e-6) * scale


def encoder_stack(x, num_layers=3):
    with tf.variable_scope("encoder"):
        for i in range(num_layers):
            with tf.variable_scope("layer_{}".format(i)):
                w = tf.get_variable("ffn", [x.get_shape()[-1], x.get_shape()[-1]])
                x = layer_norm(x + tf.nn.relu(tf.matmul(x, w)))
    return x
