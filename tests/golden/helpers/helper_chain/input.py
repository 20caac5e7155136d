import tensorflow as tf


def _kernel(in_dim, out_dim):
    return tf.get_variable("kernel", [in_dim, out_dim])


def _affine(x, out_dim):
    k = _kernel(x.get_shape()[-1].value, out_dim)
    b = tf.get_variable("bias", [out_dim], initializer=tf.zeros_initializer())
    return tf.matmul(x, k) + b


def highway(x):
    dim = x.get_shape()[-1].value
    with tf.variable_scope("highway"):
        with tf.variable_scope("transform"):
            h = tf.nn.relu(_affine(x, dim))
        with tf.variable_scope("gate"):
            t = tf.sigmoid(_affine(x, dim))
    return h * t + x * (1.0 - t)
