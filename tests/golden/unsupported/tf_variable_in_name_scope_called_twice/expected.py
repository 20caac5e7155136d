import tensorflow as tf


def bias_add_block(x):
    with tf.name_scope("block"):
        # second call opens block_1: block/bias and block_1/bias
        b = tf.Variable(tf.constant(0.1, shape=[tf.compat.dimension_value(x.get_shape()[-1])]), name="bias")
        return tf.nn.relu(x + b)


def two_blocks(x):
    h = bias_add_block(x)
    return bias_add_block(h)
