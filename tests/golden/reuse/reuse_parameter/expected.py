import tensorflow as tf


class Encoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.truncated_normal_initializer(stddev=0.1)([x.get_shape()[-1], 4], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.constant_initializer(0.01)([4], dtype=tf.float32), name="b")
        b = self.b
        return tf.nn.relu(tf.matmul(x, w) + b)


class Contrastive(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.encoder = Encoder()

    def __call__(self, anchor, positive, negative):
        a = self.encoder(anchor)
        p = self.encoder(positive)
        n = self.encoder(negative)
        return tf.reduce_mean(tf.maximum(0.0, 1.0 + tf.reduce_sum(a * n - a * p, axis=1)))
