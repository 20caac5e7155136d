import tensorflow as tf


def dense(x, units):
    with tf.variable_scope(None, default_name="dense"):
        w = tf.get_variable("kernel", [x.get_shape()[-1], units])
        return tf.matmul(x, w)


def encoder_decoder(x):
    with tf.variable_scope("encoder"):
        h = dense(x, 6)                # encoder/dense
        h = dense(h, 4)                # encoder/dense_1
    with tf.variable_scope("decoder"):
        y = dense(h, 6)                # decoder/dense (counters are per parent)
        y = dense(y, x.get_shape()[-1].value)  # decoder/dense_1
    return y
