import tensorflow as tf


class GatedUnit(tf.Module):
    def __init__(self, name='gated_unit'):
        super().__init__(name=name)
        self.w = None
        self.v = None
        self.b = None
        self.c = None

    @tf.Module.with_name_scope
    def __call__(self, x, units=4):
        in_dim = x.get_shape()[-1].value
        if self.w is None:
            self.w = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([in_dim, units], tf.float32), name="w")
        w = self.w
        if self.v is None:
            self.v = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([in_dim, units], tf.float32), name="v")
        v = self.v
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()((units,), dtype=tf.float32), name="b")
        b = self.b
        if self.c is None:
            self.c = tf.Variable(tf.constant_initializer(0.5)([units], dtype=tf.float32), name="c")
        c = self.c
        return tf.matmul(x, w) * tf.sigmoid(tf.matmul(x, v) + b) + c
