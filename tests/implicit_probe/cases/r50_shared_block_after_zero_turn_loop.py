import tensorflow as tf


def block(x, name, reuse=False):
    with tf.variable_scope(name, reuse=reuse):
        return tf.layers.dense(x, x.shape[-1], activation=tf.nn.relu, name="fc")


def tower(x, depth):
    with tf.variable_scope("tower"):
        for i in range(depth):
            x = block(x, "shared", reuse=i > 0)
        return block(x, "shared", reuse=depth > 0)


PROBE = {"entry": "tower", "inputs": {"x": "float32[3,4]"}, "args": {"depth": 0}}
