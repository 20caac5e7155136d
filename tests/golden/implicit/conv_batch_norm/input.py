import tensorflow as tf


def encoder(images, training=False):
    with tf.variable_scope("encoder"):
        h = tf.layers.conv2d(images, 4, 3, strides=2, padding="same", name="conv1")
        h = tf.layers.batch_normalization(h, training=training, name="bn1")
        h = tf.nn.relu(h)
        h = tf.layers.conv2d(h, 8, 3, padding="same")
        return tf.layers.dense(tf.reshape(h, [-1, 4 * 4 * 8]), 2)
