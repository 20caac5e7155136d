import tensorflow as tf


def mixed_names(x):
    with tf.variable_scope("m"):
        a = tf.layers.dense(x, 3)
        b = tf.layers.dense(x, 3, name="proj")
        c = tf.layers.dense(a + b, 3)
        d = tf.layers.conv1d(tf.expand_dims(c, 1), 2, 1)
        return tf.layers.dense(tf.squeeze(d, 1), 2), tf.layers.conv1d(tf.expand_dims(c, 1), 2, 1)


PROBE = {"entry": "mixed_names", "inputs": {"x": "float32[2,3]"}}
