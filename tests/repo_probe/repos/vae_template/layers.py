import tensorflow as tf


def fc(x, n_out, name, activation=None, init_std=0.05):
    n_in = x.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        w = tf.get_variable('w', [n_in, n_out], initializer=tf.random_normal_initializer(stddev=init_std))
        b = tf.get_variable('b', [n_out], initializer=tf.constant_initializer(0.0))
        h = tf.matmul(x, w) + b
        return activation(h) if activation is not None else h
