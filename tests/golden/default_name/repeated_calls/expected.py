import tensorflow as tf


class Dense(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'dense')
        self.kernel = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, units, activation=None):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], units], tf.float32), name="kernel")
        w = self.kernel
        if self.bias is None:
            self.bias = tf.Variable(tf.zeros_initializer()([units], dtype=tf.float32), name="bias")
        b = self.bias
        y = tf.matmul(x, w) + b
        return activation(y) if activation is not None else y


class Ffn(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.dense = Dense(name='dense')
        self.dense_1 = Dense(name='dense_1')
        self.dense_2 = Dense(name='dense_2')

    def __call__(self, x):
        h = self.dense(x, 8, tf.nn.relu)
        h = self.dense_1(h, 8, tf.nn.relu)
        return self.dense_2(h, 2)
