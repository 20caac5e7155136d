import tensorflow as tf


def conv1d(x, filters, width=3, name=None):
    with tf.variable_scope(name, default_name="conv1d", values=[x]):
        k = tf.get_variable("kernel", [width, x.get_shape()[-1], filters],
                            initializer=tf.truncated_normal_initializer(stddev=0.05))
        return tf.nn.conv1d(x, k, stride=1, padding="SAME")


def text_cnn(x):
    h = tf.nn.relu(conv1d(x, 4))
    h = tf.nn.relu(conv1d(h, 4, name="middle"))
    h = conv1d(h, 2)
    return tf.reduce_max(h, axis=1)
