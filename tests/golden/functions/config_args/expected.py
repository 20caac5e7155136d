import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class ConvBlock(tf.Module):
    def __init__(self, name="conv_block"):
        super().__init__(name=name)
        self.kernel = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, filters=4, kernel_size=3, stride=1):
        in_ch = x.shape[-1]
        if self.kernel is None:
            self.kernel = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.05)([kernel_size, kernel_size, in_ch, filters], dtype=tf.float32), name="kernel")
        kernel = self.kernel
        if self.bias is None:
            self.bias = tf.Variable(tf.zeros_initializer()([filters], dtype=tf.float32), name="bias")
        bias = self.bias
        y = tf.nn.conv2d(x, filters=kernel, strides=[1, stride, stride, 1], padding="SAME")
        return tf.nn.relu(tf.nn.bias_add(y, bias))
