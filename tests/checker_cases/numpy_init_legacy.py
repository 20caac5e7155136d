"""baselines' a2c fc: a custom initializer drawing from NumPy's global generator (ortho_init)."""
import numpy as np
import tensorflow as tf


def ortho_init(scale=1.0):
    def _ortho_init(shape, dtype, partition_info=None):
        a = np.random.normal(0.0, 1.0, (shape[0], int(np.prod(shape[1:]))))
        u, _, v = np.linalg.svd(a, full_matrices=False)
        q = u if u.shape == (shape[0], int(np.prod(shape[1:]))) else v
        return (scale * q.reshape(shape)).astype(np.float32)
    return _ortho_init


def fc(x, scope, nh, init_scale=1.0):
    with tf.variable_scope(scope):
        nin = x.get_shape()[1].value
        w = tf.get_variable("w", [nin, nh], initializer=ortho_init(init_scale))
        b = tf.get_variable("b", [nh], initializer=tf.constant_initializer(0.0))
        return tf.matmul(x, w) + b


def build(x):
    return fc(tf.nn.relu(fc(x, "fc1", 6)), "fc2", 3)
