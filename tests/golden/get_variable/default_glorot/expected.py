import tensorflow as tf


class Bilinear(tf.Module):
    def __init__(self, name='bilinear'):
        super().__init__(name=name)
        self.w_x = None
        self.w_y = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, y, units=3):
        if self.w_x is None:
            self.w_x = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], units], tf.float32), name="w_x")
        # no initializer: get_variable falls back to glorot_uniform for floats
        w_x = self.w_x
        if self.w_y is None:
            self.w_y = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([y.get_shape()[-1], units], tf.float32), name="w_y")
        w_y = self.w_y
        if self.bias is None:
            self.bias = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([units], tf.float32), name="bias")
        bias = self.bias
        return tf.matmul(x, w_x) * tf.matmul(y, w_y) + bias
