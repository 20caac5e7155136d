import tensorflow as tf


def unet(images, is_training=True):
    with tf.variable_scope("generator"):
        skips = []
        x = images
        for i, filters in enumerate([4, 8]):
            with tf.variable_scope("encoder_%d" % (i + 1)):
                x = tf.layers.conv2d(x, filters, 4, strides=2, padding="same")
                x = tf.layers.batch_normalization(x, training=is_training)
                x = tf.nn.leaky_relu(x, 0.2)
                skips.append(x)
        for i, filters in enumerate([4, 3]):
            with tf.variable_scope("decoder_%d" % (i + 1)):
                if i > 0:
                    x = tf.concat([x, skips[-1 - i]], axis=3)
                x = tf.layers.conv2d_transpose(x, filters, 4, strides=2, padding="same")
                if i == 0:
                    x = tf.layers.batch_normalization(x, training=is_training)
                x = tf.nn.relu(x)
        return tf.tanh(x)


PROBE = {"entry": "unet", "inputs": {"images": "float32[2,8,8,3]"}, "args": {"is_training": True}}
