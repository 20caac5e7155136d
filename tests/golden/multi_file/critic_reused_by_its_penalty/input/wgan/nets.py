import tensorflow as tf


def critic(x, reuse=False):
    with tf.variable_scope("critic", reuse=reuse):
        w1 = tf.get_variable("w1", [x.get_shape()[-1], 8], initializer=tf.random_normal_initializer(stddev=0.1))
        b1 = tf.get_variable("b1", [8], initializer=tf.zeros_initializer())
        h = tf.nn.leaky_relu(tf.matmul(x, w1) + b1)
        w2 = tf.get_variable("w2", [8, 1], initializer=tf.random_normal_initializer(stddev=0.1))
        return tf.matmul(h, w2)
