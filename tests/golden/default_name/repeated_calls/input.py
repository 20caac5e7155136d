import tensorflow as tf


def dense(x, units, activation=None):
    with tf.variable_scope(None, default_name="dense"):
        w = tf.get_variable("kernel", [x.get_shape()[-1], units])
        b = tf.get_variable("bias", [units], initializer=tf.zeros_initializer())
        y = tf.matmul(x, w) + b
        return activation(y) if activation is not None else y


def ffn(x):
    h = dense(x, 8, tf.nn.relu)
    h = dense(h, 8, tf.nn.relu)
    return dense(h, 2)
