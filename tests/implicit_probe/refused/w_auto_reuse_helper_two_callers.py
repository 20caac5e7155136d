# Probe program kept out of cases/ (not migrated as a whole): was WRONG (Left and Right each built a Shared module; TF1 one model/shared/fc); now refused (unsupported-scope, cross_function_reuse._two_callers).
import tensorflow as tf


def shared(x):
    with tf.variable_scope("shared", reuse=tf.AUTO_REUSE):
        return tf.layers.dense(x, 4, name="fc")


def left(x):
    return shared(x)


def right(x):
    return shared(x) * 2.0


def build(x, y):
    with tf.variable_scope("model"):
        return left(x), right(y)


PROBE = {"entry": "build", "inputs": {"x": "float32[2,3]", "y": "float32[3,3]"}}
