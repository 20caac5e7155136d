# Probe program kept out of cases/ (not migrated as a whole): converted to one module for two TF1 objects (stack/dense, stack/dense_1); now refused (unsupported-scope, repeated_objects.py).
import tensorflow as tf


class Block(object):
    def __call__(self, x):
        return tf.nn.relu(tf.layers.dense(x, 3))


def build(x):
    with tf.variable_scope("stack"):
        h = x
        for _ in range(2):
            h = Block()(h)
        return h


PROBE = {"entry": "build", "inputs": {"x": "float32[2,3]"}}
