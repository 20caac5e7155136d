import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class DenseRelu(tf.Module):
    def __init__(self, name='dense_relu'):
        super().__init__(name=name)
        self.kernel = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, units=4):
        if self.kernel is None:
            self.kernel = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([x.shape[-1], units], dtype=tf.float32), name="kernel")
        w = self.kernel
        if self.bias is None:
            self.bias = tf.Variable(tf.zeros_initializer()([units], dtype=tf.float32), name="bias")
        b = self.bias
        return tf.nn.relu(tf.matmul(x, w) + b)


class SharedDense(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.dense_relu = DenseRelu()

    def __call__(self, a, b):
        return self.dense_relu(a), self.dense_relu(b)
