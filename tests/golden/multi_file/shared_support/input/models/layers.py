import tensorflow as tf


def conv_block(x, filters, name):
    with tf.variable_scope(name):
        h = tf.layers.conv2d(x, filters, 3, padding="same", activation=tf.nn.relu, name="conv")
        return tf.layers.batch_normalization(h, name="bn")


def linear(x, units, name="linear"):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [x.shape[-1], units],
                            initializer=tf.truncated_normal_initializer(stddev=0.02))
        b = tf.get_variable("b", [units], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b
