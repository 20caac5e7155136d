# Probe program kept out of cases/ (not migrated as a whole): refused (implicit-creator): tf.keras.layers.Dense inside a variable_scope is not covered.
import tensorflow as tf


def head(x):
    with tf.variable_scope("head"):
        h = tf.keras.layers.Dense(4, activation="relu")(x)
        w = tf.get_variable("w", [4, 2])
        return tf.matmul(h, w)


PROBE = {"entry": "head", "inputs": {"x": "float32[2,3]"}}
