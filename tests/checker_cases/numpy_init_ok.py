import numpy as np
import tensorflow as tf


def ortho_init(scale=1.0):
    def _ortho_init(shape, dtype, partition_info=None):
        a = np.random.normal(0.0, 1.0, (shape[0], int(np.prod(shape[1:]))))
        u, _, v = np.linalg.svd(a, full_matrices=False)
        q = u if u.shape == (shape[0], int(np.prod(shape[1:]))) else v
        return (scale * q.reshape(shape)).astype(np.float32)
    return _ortho_init


class Fc(tf.Module):
    def __init__(self, nh, init_scale=1.0, name=None):
        super().__init__(name=name)
        self.nh, self.init_scale = nh, init_scale
        self.w = None

    def __call__(self, x):
        if self.w is None:
            with tf.name_scope(self.name):
                nin = x.shape[1]
                self.w = tf.Variable(ortho_init(self.init_scale)([nin, self.nh], tf.float32), name="w")
                self.b = tf.Variable(tf.zeros([self.nh]), name="b")
        return tf.matmul(x, self.w) + self.b


class Build(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.fc1 = Fc(6, name="fc1")
        self.fc2 = Fc(3, name="fc2")

    def __call__(self, x):
        return self.fc2(tf.nn.relu(self.fc1(x)))
