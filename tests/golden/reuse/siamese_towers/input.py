import tensorflow as tf


def tower(x, reuse=False):
    with tf.variable_scope("siamese", reuse=reuse):
        w = tf.get_variable("w", [x.get_shape()[-1], 4])
        return tf.nn.l2_normalize(tf.matmul(x, w), 1)


def siamese(left, right):
    a = tower(left)
    b = tower(right, reuse=True)
    return tf.reduce_sum(a * b, 1)
