import tensorflow as tf


class ConvStack(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.conv_kernel = {}
        self.conv_bias = {}

    def __call__(self, images, channels=(2, 4)):
        x = images
        for i, ch in enumerate(channels):
            with tf.name_scope(f"conv{i + 1}"):
                in_ch = x.get_shape()[-1].value
                if f"conv{i + 1}" not in self.conv_kernel:
                    self.conv_kernel[f"conv{i + 1}"] = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([3, 3, in_ch, ch], tf.float32), name="kernel")
                k = self.conv_kernel[f"conv{i + 1}"]
                if f"conv{i + 1}" not in self.conv_bias:
                    self.conv_bias[f"conv{i + 1}"] = tf.Variable(tf.zeros_initializer()([ch], dtype=tf.float32), name="bias")
                b = self.conv_bias[f"conv{i + 1}"]
                x = tf.nn.relu(tf.nn.conv2d(x, k, [1, 2, 2, 1], "SAME") + b)
        return x
