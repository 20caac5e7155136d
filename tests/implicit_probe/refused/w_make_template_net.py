# Probe program kept out of cases/ (not migrated as a whole): refused (make-template): tf.make_template shares by template.
import tensorflow as tf


def _net(x):
    h = tf.layers.dense(x, 5, activation=tf.nn.relu, name="h")
    return tf.layers.dense(h, 2, name="out")


def apply_twice(a, b):
    net = tf.make_template("net", _net)
    return net(a), net(b)


PROBE = {"entry": "apply_twice", "inputs": {"a": "float32[2,3]", "b": "float32[4,3]"}}
