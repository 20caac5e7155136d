import tensorflow as tf
from .tf2_migrate_support import BatchNormalization, Conv2D, _tf1_truncated_normal_initializer


class ConvBlock(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        with self.name_scope:
            self.conv = Conv2D(name="conv")
            self.bn = BatchNormalization(name="bn")

    @tf.Module.with_name_scope
    def __call__(self, x, filters):
        h = self.conv(x, filters, 3, padding="same", activation=tf.nn.relu)
        return self.bn(h)


class Linear(tf.Module):
    def __init__(self, name="linear"):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, units):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([x.shape[-1], units], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([units], dtype=tf.float32), name="b")
        b = self.b
        return tf.matmul(x, w) + b
