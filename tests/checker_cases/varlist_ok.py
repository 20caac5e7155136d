"""A faithful migration of varlist_legacy.py: the module lists its variables by attribute (b, w)."""

import tensorflow as tf


class Build(tf.Module):
    def __init__(self, name="net"):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.ones([4, 3]), name="w")
            self.b = tf.Variable(tf.zeros([3]), name="b")
        return tf.matmul(x, self.w) + self.b, list(self.trainable_variables)
