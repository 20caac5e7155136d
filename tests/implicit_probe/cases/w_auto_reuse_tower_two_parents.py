import tensorflow as tf


def tower(x):
    with tf.variable_scope("tower", reuse=tf.AUTO_REUSE):
        return tf.layers.dense(x, 4, activation=tf.nn.relu, name="fc")


def two_parents(a, b):
    with tf.variable_scope("left"):
        ea = tower(a)
        ea2 = tower(ea)
    with tf.variable_scope("right"):
        eb = tower(b)
    return ea2, eb


PROBE = {"entry": "two_parents", "inputs": {"a": "float32[2,4]", "b": "float32[2,4]"}}
