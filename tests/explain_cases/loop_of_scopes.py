import tensorflow as tf


def mlp(x, layers=2):
    with tf.variable_scope("mlp"):
        for i in range(layers):
            with tf.variable_scope("h%d" % i):
                w = tf.get_variable("w", [4, 4])
                x = tf.matmul(x, w)
        return x
