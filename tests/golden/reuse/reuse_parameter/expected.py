import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class Encoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([x.shape[-1], 4], dtype=tf.float32), name="w")
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
