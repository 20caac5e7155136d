import tensorflow as tf

from t2tlite import common_layers
from .tf2_migrate_support import _tf1_scope


class FfnBlock(tf.Module):
    def __init__(self, name='ffn'):
        super().__init__(name=name)
        with self.name_scope:
            self.dense_relu_dense = common_layers.DenseReluDense(name='dense_relu_dense')
            self.layer_norm = common_layers.LayerNorm(name='layer_norm')

    @tf.Module.with_name_scope
    def __call__(self, x, hidden_size=8, filter_size=16):
        y = self.dense_relu_dense(x, filter_size, hidden_size)
        return self.layer_norm(x + y)


class Encoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.layer_ffn = {}

    @tf.Module.with_name_scope
    def __call__(self, x, num_layers=2, hidden_size=8):
        for i in range(num_layers):
            with _tf1_scope("layer_%d" % i):
                if "layer_%d" % i not in self.layer_ffn:
                    with tf.init_scope():
                        self.layer_ffn["layer_%d" % i] = FfnBlock()
                x = self.layer_ffn["layer_%d" % i](x, hidden_size)
        return x


def summaries(name="encoder"):
    for v in tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.TRAINABLE_VARIABLES, scope=name):
        tf.compat.v1.summary.histogram((v.op.name if not tf.executing_eagerly() else ""), v)
