import tensorflow as tf


class LayerNorm(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.gamma = None
        self.beta = None

    def __call__(self, x, epsilon=1e-6):
        dim = x.get_shape()[-1].value
        if self.gamma is None:
            self.gamma = tf.Variable(tf.ones_initializer()([dim], dtype=tf.float32), name="gamma")
        gamma = self.gamma
        if self.beta is None:
            self.beta = tf.Variable(tf.zeros_initializer()([dim], dtype=tf.float32), name="beta")
        beta = self.beta
        mean, variance = tf.nn.moments(x, [-1], keep_dims=True)
        return (x - mean) * tf.rsqrt(variance + epsilon) * gamma + beta


class FfnStack(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.layer_ffn_w = {}
        self.layer_norm_layer_norm = {}

    def __call__(self, x, num_layers=2):
        for i in range(num_layers):
            with tf.name_scope("layer_%d" % i):
                with tf.name_scope("ffn"):
                    if "layer_%d" % i not in self.layer_ffn_w:
                        self.layer_ffn_w["layer_%d" % i] = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], x.get_shape()[-1]], tf.float32), name="w")
                    w = self.layer_ffn_w["layer_%d" % i]
                    y = tf.nn.relu(tf.matmul(x, w))
                with tf.name_scope("norm"):
                    if "layer_%d" % i not in self.layer_norm_layer_norm:
                        self.layer_norm_layer_norm["layer_%d" % i] = LayerNorm()
                    x = self.layer_norm_layer_norm["layer_%d" % i](x + y)
        return x
