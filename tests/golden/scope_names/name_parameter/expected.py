import tensorflow as tf


class ResidualBlock(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.w1 = None
        self.w2 = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        dim = x.shape[-1]
        if self.w1 is None:
            self.w1 = tf.Variable(tf.random_normal_initializer(stddev=0.1)([dim, dim], dtype=tf.float32), name="w1")
        w1 = self.w1
        if self.w2 is None:
            self.w2 = tf.Variable(tf.random_normal_initializer(stddev=0.1)([dim, dim], dtype=tf.float32), name="w2")
        w2 = self.w2
        return x + tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)


class Resnet(tf.Module):
    def __init__(self, name='resnet'):
        super().__init__(name=name)
        with self.name_scope:
            self.block_a = ResidualBlock(name="block_a")
            self.block_b = ResidualBlock(name="block_b")

    @tf.Module.with_name_scope
    def __call__(self, x):
        x = self.block_a(x)
        x = self.block_b(x)
        return x
