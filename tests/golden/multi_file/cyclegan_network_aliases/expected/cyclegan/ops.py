import tensorflow as tf
from tf2_migrate_support import _tf1_truncated_normal_initializer


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


class Conv2d(tf.Module):
    def __init__(self, name="conv2d"):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_dim, ks=3, s=2, stddev=0.02):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=stddev)([ks, ks, input_.shape[-1], output_dim], dtype=tf.float32), name="w")
        w = self.w
        return tf.nn.conv2d(input_, filters=w, strides=[1, s, s, 1], padding="SAME")
