import tensorflow as tf


class Projection(tf.Module):
    def __init__(self, name='projection'):
        super().__init__(name=name)
        self.kernel = None

    @tf.Module.with_name_scope
    def __call__(self, x, units=3):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], units], tf.float32), name="kernel")
        w = self.kernel
        return tf.matmul(x, w)


class TwoViews(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.model_projection = None

    def __call__(self, view_a, view_b):
        with tf.name_scope("model"):
            if self.model_projection is None:
                self.model_projection = Projection()
            a = self.model_projection(view_a)
        with tf.name_scope("model"):
            b = self.model_projection(view_b)
        return a, b
