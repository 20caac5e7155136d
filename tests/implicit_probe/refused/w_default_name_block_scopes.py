# Probe program kept out of cases/ (not migrated as a whole): refused (dynamic-scope): a helper with its own default_name scope called in a loop (TF1: block, block_1, block_2); not converted yet.
import tensorflow as tf


def block(x, units):
    with tf.variable_scope(None, default_name="block"):
        h = tf.layers.dense(x, units, activation=tf.nn.relu, name="fc")
        return tf.contrib.layers.layer_norm(h)


def stack(x):
    with tf.variable_scope("stack"):
        for units in (6, 6, 4):
            x = block(x, units)
        return x


PROBE = {"entry": "stack", "inputs": {"x": "float32[2,5]"}}
