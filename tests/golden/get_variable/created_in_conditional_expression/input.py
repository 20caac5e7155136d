import tensorflow as tf


def affine(x, units, use_bias=True):
    """The bias exists only when asked for: TF1 made it only when the branch ran."""
    with tf.variable_scope("affine"):
        w = tf.get_variable("w", [x.shape[-1], units])
        b = tf.get_variable("b", [units], initializer=tf.zeros_initializer()) if use_bias else 0.0
        return tf.matmul(x, w) + b


def conv_like(x, units, mode="scaled"):
    with tf.variable_scope("conv_like"):
        w = tf.get_variable("w", [x.shape[-1], units])
        g = 1.0 if mode != "scaled" else tf.get_variable("g", [units], initializer=tf.constant_initializer(0.5))
        return tf.matmul(x, w) * g


def head(x, use_bias):
    return conv_like(affine(x, 4, use_bias), 3, "scaled" if use_bias else "plain")
