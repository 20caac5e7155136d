import tensorflow as tf


class ValueHead(tf.Module):
    def __init__(self, name='value_head'):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, h):
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(stddev=0.01)([h.shape[-1], 1], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([1], dtype=tf.float32), name="b")
        b = self.b
        return tf.squeeze(tf.matmul(h, w) + b, axis=1)
