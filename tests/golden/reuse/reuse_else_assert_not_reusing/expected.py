import tensorflow as tf


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class Discriminator(tf.Module):
    def __init__(self, name="discriminator"):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, image, reuse=False):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([image.shape[-1], 1], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.constant_initializer(0.0)([1], dtype=tf.float32), name="b")
        b = self.b
        return tf.nn.sigmoid(tf.matmul(image, w) + b)


class CriticPair(tf.Module):
    def __init__(self, name='critic'):
        super().__init__(name=name)
        with self.name_scope:
            self.discriminator_a = Discriminator(name="discriminatorA")

    @tf.Module.with_name_scope
    def __call__(self, real, fake):
        d_real = self.discriminator_a(real)
        d_fake = self.discriminator_a(fake, reuse=True)
        return d_real, d_fake
