# Probe program kept out of cases/ (not migrated as a whole): W's 1a (functions): was WRONG; now refused (unsupported-scope).
import tensorflow as tf


def encode(x):
    h = tf.layers.dense(x, 6, activation=tf.nn.relu, name="enc")
    return tf.layers.dense(h, 6, name="shared_proj", reuse=True if False else tf.AUTO_REUSE)


def decode(z):
    h = tf.layers.dense(z, 6, activation=tf.nn.relu, name="dec")
    return tf.layers.dense(h, 6, name="shared_proj", reuse=tf.AUTO_REUSE)


def autoencoder(x):
    with tf.variable_scope("ae"):
        return decode(encode(x))


PROBE = {"entry": "autoencoder", "inputs": {"x": "float32[2,6]"}}
