import tensorflow as tf


def gated_unit(x, units=4):
    in_dim = x.get_shape()[-1].value
    with tf.variable_scope("gated_unit"):
        w = tf.get_variable("w", [in_dim, units])
        v = tf.get_variable("v", shape=[in_dim, units])
        b = tf.get_variable(name="b", shape=(units,), initializer=tf.zeros_initializer())
        c = tf.get_variable("c", [units], tf.float32, tf.constant_initializer(0.5))
        return tf.matmul(x, w) * tf.sigmoid(tf.matmul(x, v) + b) + c
