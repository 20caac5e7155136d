import tensorflow as tf


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


def conv2d(input_, output_dim, ks=3, s=2, stddev=0.02, name="conv2d"):
    with tf.variable_scope(name):
        w = tf.get_variable("w", [ks, ks, input_.get_shape()[-1], output_dim],
                            initializer=tf.truncated_normal_initializer(stddev=stddev))
        return tf.nn.conv2d(input_, w, [1, s, s, 1], padding="SAME")
