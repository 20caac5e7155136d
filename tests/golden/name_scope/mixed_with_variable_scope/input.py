import tensorflow as tf


def batch_stats_layer(x):
    dim = x.get_shape()[-1].value
    with tf.variable_scope("bn"):
        gamma = tf.get_variable("gamma", [dim], initializer=tf.ones_initializer())
        with tf.name_scope("moments"):
            mean, var = tf.nn.moments(x, [0])
            step = tf.Variable(0, name="num_batches", trainable=False, dtype=tf.int32)
        with tf.variable_scope("moving"):
            moving_mean = tf.get_variable("mean", [dim], initializer=tf.zeros_initializer(),
                                          trainable=False)
    y = gamma * (x - mean) / tf.sqrt(var + 1e-3)
    return y, moving_mean, step
