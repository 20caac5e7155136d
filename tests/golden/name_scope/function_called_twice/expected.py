import tensorflow as tf


class BiasAddBlock(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.bias = None

    def __call__(self, x):
        with tf.name_scope("block"):
            if self.bias is None:
                self.bias = tf.Variable(tf.constant(0.1, shape=[x.shape[-1]]), name="bias")
            # second call opens block_1: block/bias and block_1/bias
            b = self.bias
            return tf.nn.relu(x + b)


class TwoBlocks(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.bias_add_block = BiasAddBlock()

    def __call__(self, x):
        h = self.bias_add_block(x)
        return self.bias_add_block(h)
