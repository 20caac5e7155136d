import tensorflow as tf


class LayerNorm(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scale = None

    def __call__(self, x):
        dim = x.get_shape()[-1].value
        if self.scale is None:
            self.scale = tf.Variable(tf.ones_initializer()([dim], dtype=tf.float32), name="scale")
        scale = self.scale
        mean, var = tf.nn.moments(x, [-1], keep_dims=True)
        return (x - mean) * tf.rsqrt(var + 1e-6) * scale


class EncoderStack(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.layer_ffn = {}
        self.layer_layer_norm = {}

    @tf.Module.with_name_scope
    def __call__(self, x, num_layers=3):
        for i in range(num_layers):
            with tf.name_scope("layer_{}".format(i)):
                if "layer_{}".format(i) not in self.layer_ffn:
                    self.layer_ffn["layer_{}".format(i)] = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], x.get_shape()[-1]], tf.float32), name="ffn")
                w = self.layer_ffn["layer_{}".format(i)]
                if "layer_{}".format(i) not in self.layer_layer_norm:
                    self.layer_layer_norm["layer_{}".format(i)] = LayerNorm()
                x = self.layer_layer_norm["layer_{}".format(i)](x + tf.nn.relu(tf.matmul(x, w)))
        return x
