import tensorflow as tf


class MakeWeights(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.kernel = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, units):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], units], tf.float32), name="kernel")
        w = self.kernel
        if self.bias is None:
            self.bias = tf.Variable(tf.constant_initializer(0.1)([units], dtype=tf.float32), name="bias")
        b = self.bias
        return tf.matmul(x, w) + b


class Model(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.model_hidden = None
        self.model_scope = {}

    def __call__(self, x):
        with tf.name_scope("model"):
            if self.model_hidden is None:
                self.model_hidden = MakeWeights(name="hidden")
            h = tf.nn.relu(self.model_hidden(x, 5))
        if model_scope not in self.model_scope:
            self.model_scope[model_scope] = MakeWeights(name=model_scope)
        out = self.model_scope[model_scope](h, 2)
        return out
