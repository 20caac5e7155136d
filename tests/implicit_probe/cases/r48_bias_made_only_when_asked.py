import tensorflow as tf


def projection(x, units, use_bias):
    with tf.variable_scope("proj"):
        w = tf.get_variable("w", [x.shape[-1], units])
        b = tf.get_variable("b", [units], initializer=tf.zeros_initializer()) if use_bias else 0.0
        return tf.layers.dense(tf.matmul(x, w) + b, 2, name="out")


PROBE = {"entry": "projection", "inputs": {"x": "float32[3,5]"}, "args": {"units": 4, "use_bias": False}}
