import tensorflow as tf


def build(x):
    """Returns its output and its scope's variables, in TF1's creation order (w, then b)."""
    with tf.variable_scope("net") as vs:
        w = tf.get_variable("w", [4, 3], initializer=tf.ones_initializer())
        b = tf.get_variable("b", [3], initializer=tf.zeros_initializer())
        out = tf.matmul(x, w) + b
    return out, tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=vs.name)
