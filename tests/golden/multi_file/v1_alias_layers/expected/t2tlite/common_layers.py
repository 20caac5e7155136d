import tensorflow as tf
from .tf2_migrate_support import Dense


class DenseReluDense(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'dense_relu_dense')
        with self.name_scope:
            self.conv1 = Dense(name="conv1")
            self.conv2 = Dense(name="conv2")

    @tf.Module.with_name_scope
    def __call__(self, x, filter_size, output_size):
        h = self.conv1(x, filter_size, activation=tf.nn.relu)
        return self.conv2(h, output_size, use_bias=True)


class LayerNorm(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'layer_norm')
        self.layer_norm_scale = None
        self.layer_norm_bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, epsilon=1e-6):
        depth = x.shape[-1]
        if self.layer_norm_scale is None:
            self.layer_norm_scale = tf.Variable(tf.ones_initializer()([depth], dtype=tf.float32), name="layer_norm_scale")
        scale = self.layer_norm_scale
        if self.layer_norm_bias is None:
            self.layer_norm_bias = tf.Variable(tf.zeros_initializer()([depth], dtype=tf.float32), name="layer_norm_bias")
        bias = self.layer_norm_bias
        mean, variance = tf.nn.moments(x, [-1], keepdims=True)
        return (x - mean) * tf.math.rsqrt(variance + epsilon) * scale + bias
