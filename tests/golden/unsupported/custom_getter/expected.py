import tensorflow as tf


def fp16_getter(getter, name, shape=None, dtype=None, *args, **kwargs):
    """Store float32 master weights, hand out float16 casts."""
    var = getter(name, shape, tf.float32, *args, **kwargs)
    return tf.cast(var, dtype) if dtype == tf.float16 else var


def half_precision_dense(x, units=4):
    with tf.compat.v1.variable_scope("fp16_dense", custom_getter=fp16_getter):
        w = tf.compat.v1.get_variable("kernel", [x.get_shape()[-1], units], dtype=tf.float16)
        b = tf.compat.v1.get_variable("bias", [units], dtype=tf.float16,
                            initializer=tf.compat.v1.zeros_initializer())
        return tf.matmul(tf.cast(x, tf.float16), w) + b
