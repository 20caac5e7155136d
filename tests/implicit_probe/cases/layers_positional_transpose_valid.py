import tensorflow as tf


def upsampler(x):
    with tf.variable_scope("up"):
        h = tf.layers.conv2d(x, 6, 3, 1, "same", "channels_last", (1, 1), tf.nn.relu)
        h = tf.layers.conv2d_transpose(h, 4, 3, 2, "valid", activation=tf.nn.relu)
        h = tf.layers.conv2d_transpose(h, 2, (4, 4), (2, 2), padding="same", use_bias=False)
        return h


PROBE = {"entry": "upsampler", "inputs": {"x": "float32[2,3,3,2]"}}
