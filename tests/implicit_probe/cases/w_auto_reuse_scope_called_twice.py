import tensorflow as tf


def tower(x):
    with tf.variable_scope("tower", reuse=tf.AUTO_REUSE):
        h = tf.layers.dense(x, 6, activation=tf.nn.relu, name="h1")
        return tf.layers.dense(h, 4, name="h2")


def siamese(a, b):
    with tf.variable_scope("siamese"):
        ea = tower(a)
        eb = tower(b)
        return tf.reduce_sum(tf.square(ea - eb), axis=1)


PROBE = {"entry": "siamese", "inputs": {"a": "float32[3,5]", "b": "float32[3,5]"}}
