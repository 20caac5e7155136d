import tensorflow as tf


class Block(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.block_w = {}

    def __call__(self, x, i):
        with tf.name_scope("block_%d" % i):
            if "block_%d" % i not in self.block_w:
                self.block_w["block_%d" % i] = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1], 4], tf.float32), name="w")
            w = self.block_w["block_%d" % i]
            return tf.nn.relu(tf.matmul(x, w))


class Siamese(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.block = None

    def __call__(self, left, right, depth=2):
        outs = []
        for x in (left, right):
            for i in range(depth):
                if self.block is None:
                    self.block = Block()
                x = self.block(x, i)
            outs.append(x)
        return tf.reduce_sum(tf.square(outs[0] - outs[1]), axis=1)
