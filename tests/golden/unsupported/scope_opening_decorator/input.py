import functools

import tensorflow as tf


def scoped(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with tf.variable_scope(fn.__name__):
            return fn(*args, **kwargs)
    return wrapper


@scoped
def mlp(x, units=4):
    w = tf.get_variable("w", [x.get_shape()[-1], units])
    return tf.matmul(x, w)


def build(x):
    with tf.variable_scope("model"):
        return mlp(x)
