import tensorflow as tf


def shared_bias(units):
    with tf.variable_scope("bias_scope", reuse=tf.AUTO_REUSE):
        return tf.get_variable("b", [units], initializer=tf.constant_initializer(1.0))


def net(x):
    with tf.variable_scope("bias_scope"):
        w = tf.get_variable("w", [x.get_shape()[-1], 3])
    h = tf.matmul(x, w) + shared_bias(3)        # re-enters bias_scope: b is new
    with tf.variable_scope("head"):
        out = h + shared_bias(3)                # head/bias_scope/b: another new variable
    return out
