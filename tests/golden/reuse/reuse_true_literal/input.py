import tensorflow as tf


def tower(x):
    w = tf.get_variable("w", [x.get_shape()[-1], 3],
                        initializer=tf.random_normal_initializer(stddev=0.1))
    b = tf.get_variable("b", [3], initializer=tf.zeros_initializer())
    return tf.nn.relu(tf.matmul(x, w) + b)


def siamese(left, right):
    with tf.variable_scope("siamese"):
        out_left = tower(left)
    with tf.variable_scope("siamese", reuse=True):
        out_right = tower(right)
    return tf.reduce_sum(tf.abs(out_left - out_right), axis=1)
