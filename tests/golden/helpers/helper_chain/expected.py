import tensorflow as tf


class Kernel(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.kernel = None

    def __call__(self, in_dim, out_dim):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([in_dim, out_dim], tf.float32), name="kernel")
        return self.kernel


class Affine(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.bias = None
        self.kernel = Kernel()

    def __call__(self, x, out_dim):
        k = self.kernel(x.get_shape()[-1].value, out_dim)
        if self.bias is None:
            self.bias = tf.Variable(tf.zeros_initializer()([out_dim], dtype=tf.float32), name="bias")
        b = self.bias
        return tf.matmul(x, k) + b


class Highway(tf.Module):
    def __init__(self, name='highway'):
        super().__init__(name=name)
        self.transform_affine = None
        self.gate_affine = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        dim = x.get_shape()[-1].value
        with tf.name_scope("transform"):
            if self.transform_affine is None:
                self.transform_affine = Affine()
            h = tf.nn.relu(self.transform_affine(x, dim))
        with tf.name_scope("gate"):
            if self.gate_affine is None:
                self.gate_affine = Affine()
            t = tf.sigmoid(self.gate_affine(x, dim))
        return h * t + x * (1.0 - t)
