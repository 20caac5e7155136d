import tensorflow as tf


def mlp(x, depth=3, is_training=True):
    with tf.variable_scope("mlp"):
        for _ in range(depth):
            x = tf.layers.dense(x, 8, activation=tf.nn.relu)
            x = tf.contrib.layers.batch_norm(x, is_training=is_training, updates_collections=None)
        for i in range(2):
            x = tf.contrib.layers.fully_connected(x, 6)
        return x


def disc(img, reuse=False):
    with tf.variable_scope("disc", reuse=reuse):
        h = img
        for i in range(2):
            h = tf.nn.leaky_relu(tf.layers.conv2d(h, 4, 3, strides=2, padding="same"))
        return tf.layers.dense(tf.layers.flatten(h), 1)


def build(x, img, fake):
    return mlp(x), disc(img), disc(fake, reuse=True)


PROBE = {"entry": "build", "inputs": {"x": "float32[4,5]", "img": "float32[2,8,8,3]", "fake": "float32[2,8,8,3]"}}
