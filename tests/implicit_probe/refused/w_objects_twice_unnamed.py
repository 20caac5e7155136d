# Probe program kept out of cases/ (not migrated as a whole): as w_objects_in_loop_unnamed, two constructions; now refused.
import tensorflow as tf


class Block(object):
    def __call__(self, x):
        return tf.nn.relu(tf.layers.dense(x, 3))


def build(x):
    with tf.variable_scope("stack"):
        return Block()(Block()(x))


PROBE = {"entry": "build", "inputs": {"x": "float32[2,3]"}}
