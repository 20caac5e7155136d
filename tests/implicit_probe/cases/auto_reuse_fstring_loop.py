import tensorflow as tf


def stack(x, num_layers=3, units=8):
    for i in range(num_layers):
        with tf.variable_scope(f"layer_{i}", reuse=tf.AUTO_REUSE):
            x = tf.layers.dense(x, units, activation=tf.nn.relu, name="fc")
            x = tf.layers.dense(x, units, name="proj") + x
    return x


def two_towers(a, b):
    with tf.variable_scope("towers"):
        return stack(a), stack(b)


PROBE = {"entry": "two_towers", "inputs": {"a": "float32[2,8]", "b": "float32[2,8]"}}
