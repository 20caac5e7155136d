"""tf.layers helpers used across the project as `import utils as U`."""
import functools

import tensorflow as tf


def conv_bn_relu(x, filters, training, name, kernel_size=3):
    with tf.variable_scope(name):
        h = tf.layers.conv2d(x, filters, kernel_size, padding='same', use_bias=False,
                             kernel_initializer=tf.variance_scaling_initializer())
        h = tf.layers.batch_normalization(h, training=training)
        return tf.nn.relu(h)


def dense_block(x, units, name, dropout=0.0, training=False):
    with tf.variable_scope(name):
        h = tf.layers.dense(x, units, activation=tf.nn.relu)
        h = tf.layers.dropout(h, rate=dropout, training=training)
        return tf.layers.dense(h, units, name='out')


def log_shapes(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        out = fn(*args, **kwargs)
        tf.logging.debug('%s -> %s', fn.__name__, out.get_shape())
        return out
    return wrapper


@log_shapes
def residual_dense(x, name):
    with tf.variable_scope(name):
        h = tf.layers.dense(x, x.get_shape().as_list()[-1], activation=tf.nn.relu, name='inner')
        return x + tf.layers.dense(h, x.get_shape().as_list()[-1], name='outer')


def dense(x, units, **kwargs):
    return tf.layers.dense(x, units, **kwargs)


def shared_head(x):
    return tf.layers.dense(x, 2, name='shared_head', reuse=tf.AUTO_REUSE)
