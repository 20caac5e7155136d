import tensorflow as tf


class Discriminator(object):
    def __init__(self, name="discriminator"):
        self.name = name
        self.reuse = False

    def score(self, x):
        with tf.variable_scope(self.name, reuse=self.reuse):
            w = tf.get_variable("w", [x.get_shape()[-1], 1],
                                initializer=tf.random_normal_initializer(stddev=0.02))
            b = tf.get_variable("b", [1], initializer=tf.constant_initializer(0.0))
        self.reuse = True
        return tf.matmul(x, w) + b

    def compare(self, real, fake):
        d_real = self.score(real)
        d_fake = self.score(fake)
        return tf.reduce_mean(d_real - d_fake)
