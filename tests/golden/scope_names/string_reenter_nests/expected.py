import tensorflow as tf


class SharedBias(tf.Module):
    def __init__(self, name='bias_scope'):
        super().__init__(name=name)
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, units):
        if self.b is None:
            self.b = tf.Variable(tf.constant_initializer(1.0)([units], dtype=tf.float32), name="b")
        return self.b


class Net(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.bias_scope_w = None
        self.head_bias_scope = None
        self.bias_scope = SharedBias()

    def __call__(self, x):
        with tf.name_scope("bias_scope"):
            if self.bias_scope_w is None:
                self.bias_scope_w = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], 3], tf.float32), name="w")
            w = self.bias_scope_w
        h = tf.matmul(x, w) + self.bias_scope(3)        # re-enters bias_scope: b is new
        with tf.name_scope("head"):
            if self.head_bias_scope is None:
                self.head_bias_scope = SharedBias()
            out = h + self.head_bias_scope(3)                # head/bias_scope/b: another new variable
        return out
