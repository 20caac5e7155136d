import tensorflow as tf


def fully_connected(x, n_out, name, init_scale=1.0):
    with tf.variable_scope(name):
        n_in = x.get_shape()[-1].value
        w = tf.get_variable('kernel', [n_in, n_out], initializer=tf.orthogonal_initializer(init_scale))
        b = tf.get_variable('bias', [n_out], initializer=tf.constant_initializer(0.0))
        return tf.matmul(x, w) + b
