import tensorflow as tf


def decoder(code):
    with tf.variable_scope("decoder"):
        x = tf.layers.dense(code, 2 * 2 * 8, activation=tf.nn.relu)
        x = tf.reshape(x, [-1, 2, 2, 8])
        for filters in (6, 4):
            x = tf.layers.conv2d_transpose(x, filters, 3, strides=2, padding="same", activation=tf.nn.relu)
        return tf.layers.conv2d_transpose(x, 1, 3, padding="same", activation=tf.nn.sigmoid)


PROBE = {"entry": "decoder", "inputs": {"code": "float32[2,3]"}}
