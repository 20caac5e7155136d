"""Legacy code that needs tf.contrib (the checker provides it through tf_slim)."""
import tensorflow as tf


def build(x):
    with tf.variable_scope("net"):
        w = tf.get_variable("w", [4, 2], initializer=tf.contrib.layers.xavier_initializer())
        return tf.matmul(x, w)
