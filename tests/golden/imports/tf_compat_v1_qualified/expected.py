import tensorflow as tf


class SharedProjection(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.proj_w = None

    def __call__(self, x, y):
        with tf.name_scope("proj"):
            if self.proj_w is None:
                self.proj_w = tf.Variable(tf.compat.v1.truncated_normal_initializer(stddev=0.1)([x.get_shape()[-1], 3], dtype=tf.float32), name="w")
            w = self.proj_w
            px = tf.matmul(x, w)
        with tf.name_scope("proj"):
            w2 = self.proj_w
            py = tf.matmul(y, w2)
        return px - py
