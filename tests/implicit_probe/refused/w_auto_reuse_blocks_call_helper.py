# Probe program kept out of cases/ (not migrated as a whole): refused (unsupported-scope, cross_function_reuse.py): two functions open enc with AUTO_REUSE around one helper; TF1 shares enc/fc.
import tensorflow as tf


def net(x):
    return tf.layers.dense(x, 4, name="fc")


def left(x):
    with tf.variable_scope("enc", reuse=tf.AUTO_REUSE):
        return net(x)


def right(x):
    with tf.variable_scope("enc", reuse=tf.AUTO_REUSE):
        return net(x) * 2.0


def build(x, y):
    return left(x), right(y)


PROBE = {"entry": "build", "inputs": {"x": "float32[2,3]", "y": "float32[3,3]"}}
