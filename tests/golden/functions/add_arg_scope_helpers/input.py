import tensorflow as tf
from tensorflow.contrib.framework import add_arg_scope


@add_arg_scope
def dense(name, x, width, init_scale=1.0):
    with tf.variable_scope(name):
        n_in = int(x.get_shape()[1])
        w = tf.get_variable("W", [n_in, width], tf.float32,
                            initializer=tf.random_normal_initializer(0, 0.05 * init_scale))
        b = tf.get_variable("b", [1, width], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


def encoder(x, width=8):
    with tf.variable_scope("encoder"):
        h = tf.nn.relu(dense("fc1", x, width))
        return dense("fc2", h, 2)
