import tensorflow as tf


def wavenet_ish(x, is_training):
    with tf.variable_scope("dil"):
        h = tf.layers.conv2d(x, 4, 3, dilation_rate=2, padding="same", name="c1")
        h = tf.layers.batch_normalization(h, center=False, scale=False, training=is_training, name="bn")
        h = tf.layers.conv1d(tf.reduce_mean(h, axis=2), 3, 2, dilation_rate=2, padding="valid", name="c2")
        return h


PROBE = {"entry": "wavenet_ish", "inputs": {"x": "float32[2,9,9,2]", "is_training": "bool[]"}}
