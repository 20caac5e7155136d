import tensorflow as tf


def conv_stack(images, channels=(2, 4)):
    x = images
    for i, ch in enumerate(channels):
        with tf.variable_scope(f"conv{i + 1}"):
            in_ch = x.get_shape()[-1].value
            k = tf.get_variable("kernel", [3, 3, in_ch, ch])
            b = tf.get_variable("bias", [ch], initializer=tf.zeros_initializer())
            x = tf.nn.relu(tf.nn.conv2d(x, k, [1, 2, 2, 1], "SAME") + b)
    return x
