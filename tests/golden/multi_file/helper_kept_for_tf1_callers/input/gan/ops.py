import tensorflow as tf


def linear(x, n, scope=None):
    with tf.variable_scope(scope or "linear"):
        w = tf.get_variable("w", [x.get_shape()[-1], n], initializer=tf.random_normal_initializer(stddev=0.02))
        b = tf.get_variable("b", [n], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


def mlp(x, sizes, scope="mlp"):
    with tf.variable_scope(scope):
        for i, n in enumerate(sizes):
            x = tf.nn.relu(linear(x, n, "fc%d" % i))
        return x
