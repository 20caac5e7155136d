import tensorflow as tf


def bilinear(x, y, units=3):
    with tf.variable_scope("bilinear"):
        # no initializer: get_variable falls back to glorot_uniform for floats
        w_x = tf.get_variable("w_x", [x.get_shape()[-1], units])
        w_y = tf.get_variable("w_y", [y.get_shape()[-1], units])
        bias = tf.get_variable("bias", [units])
        return tf.matmul(x, w_x) * tf.matmul(y, w_y) + bias
