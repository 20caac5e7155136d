import tensorflow as tf


def conv_block(x, filters=4, kernel_size=3, stride=1, name="conv_block"):
    in_ch = x.get_shape()[-1].value
    with tf.variable_scope(name):
        kernel = tf.get_variable("kernel", [kernel_size, kernel_size, in_ch, filters],
                                 initializer=tf.truncated_normal_initializer(stddev=0.05))
        bias = tf.get_variable("bias", [filters], initializer=tf.zeros_initializer())
        y = tf.nn.conv2d(x, kernel, [1, stride, stride, 1], padding="SAME")
        return tf.nn.relu(tf.nn.bias_add(y, bias))
