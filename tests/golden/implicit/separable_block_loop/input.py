import tensorflow as tf


def separable_stack(x, depth=3, filters=8):
    with tf.variable_scope("entry_flow"):
        x = tf.layers.conv2d(x, filters, 1, name="project")
        for i in range(depth):
            with tf.variable_scope("block_%d" % i):
                y = tf.layers.separable_conv2d(x, filters, 3, padding="same",
                                               activation=tf.nn.relu)
                y = tf.layers.separable_conv2d(y, filters, 3, padding="same",
                                               depth_multiplier=2)
                x = x + y
        return tf.layers.separable_conv1d(tf.reduce_mean(x, axis=1), 4, 3, padding="same",
                                          name="head")
