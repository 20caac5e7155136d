import functools
import time

import tensorflow as tf


def log_shapes(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.time()
        out = fn(*args, **kwargs)
        tf.compat.v1.logging.debug("%s -> %s (%.3fs)", fn.__name__, out.shape, time.time() - start)
        return out
    return wrapper


class ResidualBlock(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        dim = x.shape.as_list()[-1]
        if self.w is None:
            self.w = tf.Variable(tf.random_normal_initializer(stddev=0.05)([dim, dim], dtype=tf.float32), name="w")
        w = self.w
        return x + tf.nn.relu(tf.matmul(x, w))


@log_shapes
def residual_block(x, name):
    dim = x.get_shape().as_list()[-1]
    with tf.compat.v1.variable_scope(name):
        w = tf.compat.v1.get_variable("w", [dim, dim], initializer=tf.compat.v1.random_normal_initializer(stddev=0.05))
        return x + tf.nn.relu(tf.matmul(x, w))


class Encoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.res = {}

    @tf.Module.with_name_scope
    def __call__(self, x):
        for i in range(2):
            if "res%d" % i not in self.res:
                with tf.init_scope():
                    self.res["res%d" % i] = ResidualBlock(name="res%d" % i)
            x = self.res["res%d" % i](x)
        return x
