import tensorflow as tf


def projection(x, units=3):
    # reuse=False here does not turn reuse off inside a reusing parent
    with tf.variable_scope("projection", reuse=False):
        w = tf.get_variable("kernel", [x.get_shape()[-1], units])
        return tf.matmul(x, w)


def two_views(view_a, view_b):
    with tf.variable_scope("model"):
        a = projection(view_a)
    with tf.variable_scope("model", reuse=True):
        b = projection(view_b)
    return a, b
