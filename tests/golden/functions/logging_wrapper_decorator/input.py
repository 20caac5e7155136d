import functools
import time

import tensorflow as tf


def log_shapes(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.time()
        out = fn(*args, **kwargs)
        tf.logging.debug("%s -> %s (%.3fs)", fn.__name__, out.get_shape(), time.time() - start)
        return out
    return wrapper


@log_shapes
def residual_block(x, name):
    dim = x.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        w = tf.get_variable("w", [dim, dim], initializer=tf.random_normal_initializer(stddev=0.05))
        return x + tf.nn.relu(tf.matmul(x, w))


def encoder(x):
    with tf.variable_scope("encoder"):
        for i in range(2):
            x = residual_block(x, "res%d" % i)
        return x
