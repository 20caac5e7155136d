import tensorflow as tf


def tower(x):
    with tf.variable_scope("tower"):
        with tf.variable_scope("conv1"):
            k1 = tf.get_variable("kernel", [3, 3, 1, 2])
            y = tf.nn.relu(tf.nn.conv2d(x, k1, [1, 1, 1, 1], "SAME"))
        with tf.variable_scope("conv2"):
            k2 = tf.get_variable("kernel", [3, 3, 2, 2])
            y = tf.nn.relu(tf.nn.conv2d(y, k2, [1, 1, 1, 1], "SAME"))
        return tf.reduce_mean(y, axis=[1, 2])
