import tensorflow as tf
from tensorflow.compat.v1 import get_variable, variable_scope
from tensorflow.compat.v1 import random_normal_initializer


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class Scorer(tf.Module):
    def __init__(self, name='scorer'):
        super().__init__(name=name)
        self.w = None
        self.bias_b = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(stddev=0.05)([x.shape[-1], 1], dtype=tf.float32), name="w")
        w = self.w
        with _tf1_scope("bias"):
            if self.bias_b is None:
                self.bias_b = tf.Variable(tf.constant_initializer(0.0)([1], dtype=tf.float32), name="b")
            b = self.bias_b
        return tf.matmul(x, w) + b
