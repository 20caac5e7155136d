import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class Conv1d(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'conv1d')
        self.kernel = None

    @tf.Module.with_name_scope
    def __call__(self, x, filters, width=3):
        if self.kernel is None:
            self.kernel = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.05)([width, x.shape[-1], filters], dtype=tf.float32), name="kernel")
        k = self.kernel
        return tf.nn.conv1d(input=x, filters=k, stride=1, padding="SAME")


class TextCnn(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.conv1d = Conv1d(name='conv1d')
        self.middle = Conv1d(name="middle")
        self.conv1d_1 = Conv1d(name='conv1d_1')

    def __call__(self, x):
        h = tf.nn.relu(self.conv1d(x, 4))
        h = tf.nn.relu(self.middle(h, 4))
        h = self.conv1d_1(h, 2)
        return tf.reduce_max(h, axis=1)
