import tensorflow as tf


class Conv1d(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'conv1d')
        self.kernel = None

    @tf.Module.with_name_scope
    def __call__(self, x, filters, width=3):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.truncated_normal_initializer(stddev=0.05)([width, x.get_shape()[-1], filters], dtype=tf.float32), name="kernel")
        k = self.kernel
        return tf.nn.conv1d(x, k, stride=1, padding="SAME")


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
