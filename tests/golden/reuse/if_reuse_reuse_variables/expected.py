import tensorflow as tf


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


class Discriminator(tf.Module):
    def __init__(self, name='discriminator'):
        super().__init__(name=name)
        self.d_h0_w = None
        self.d_h1_w = None

    @tf.Module.with_name_scope
    def __call__(self, image):
        if self.d_h0_w is None:
            self.d_h0_w = tf.Variable(tf.random_normal_initializer(stddev=0.02)([image.shape[1], 8], dtype=tf.float32), name="d_h0_w")
        w0 = self.d_h0_w
        h0 = lrelu(tf.matmul(image, w0))
        if self.d_h1_w is None:
            self.d_h1_w = tf.Variable(tf.random_normal_initializer(stddev=0.02)([8, 1], dtype=tf.float32), name="d_h1_w")
        w1 = self.d_h1_w
        return tf.matmul(h0, w1)


class GanLosses(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.discriminator = Discriminator()

    def __call__(self, real, fake):
        d_real = self.discriminator(real)
        d_fake = self.discriminator(fake)
        return tf.reduce_mean(d_real) - tf.reduce_mean(d_fake)
