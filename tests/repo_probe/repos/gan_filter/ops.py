import tensorflow as tf


def dense(x, units, scope, stddev=0.02):
    with tf.variable_scope(scope):
        w = tf.get_variable('w', [x.get_shape()[1], units], initializer=tf.random_normal_initializer(stddev=stddev))
        b = tf.get_variable('b', [units], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


def leaky_relu(x, alpha=0.2):
    return tf.maximum(alpha * x, x)
