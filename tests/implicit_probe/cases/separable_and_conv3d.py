import tensorflow as tf


def features(images, volume):
    with tf.variable_scope("features"):
        h = tf.layers.separable_conv2d(images, 8, 3, padding="same", depth_multiplier=2,
                                       activation=tf.nn.relu, name="sep1")
        h = tf.layers.separable_conv2d(h, 4, (3, 3), strides=(2, 2))
        v = tf.layers.conv3d(volume, 4, 2, padding="same", name="c3d")
        return tf.reduce_mean(h, axis=[1, 2]), tf.reduce_mean(v, axis=[1, 2, 3])


PROBE = {"entry": "features", "inputs": {"images": "float32[2,8,8,3]", "volume": "float32[2,4,4,4,2]"}}
