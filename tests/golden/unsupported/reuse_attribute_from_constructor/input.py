import tensorflow as tf


class Encoder(object):
    def __init__(self, name, units, reuse=False):
        self.name = name
        self.units = units
        self.reuse = reuse

    def __call__(self, x):
        with tf.variable_scope(self.name, reuse=self.reuse):
            w = tf.get_variable("w", [int(x.shape[-1]), self.units])
            return tf.matmul(x, w)


def siamese(left, right):
    # the second instance reuses the first's variables: one module per instance would not
    left_encoder = Encoder("encoder", 4)
    right_encoder = Encoder("encoder", 4, reuse=True)
    return left_encoder(left), right_encoder(right)
