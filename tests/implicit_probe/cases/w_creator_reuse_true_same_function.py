import tensorflow as tf


def pair(x, y):
    with tf.variable_scope("pair"):
        a = tf.layers.dense(x, 4, name="fc")
        b = tf.layers.dense(y, 4, name="fc", reuse=True)
        c = tf.contrib.layers.fully_connected(a, 2, scope="out", reuse=tf.AUTO_REUSE)
        d = tf.contrib.layers.fully_connected(b, 2, scope="out", reuse=tf.AUTO_REUSE)
        return c, d


PROBE = {"entry": "pair", "inputs": {"x": "float32[2,3]", "y": "float32[3,3]"}}
