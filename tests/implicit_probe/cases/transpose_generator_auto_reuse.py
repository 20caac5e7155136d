import tensorflow as tf


def generator(z, training=False):
    with tf.variable_scope("generator", reuse=tf.AUTO_REUSE):
        h = tf.layers.dense(z, 4 * 4 * 8, name="project")
        h = tf.reshape(h, [-1, 4, 4, 8])
        h = tf.layers.batch_normalization(h, training=training, name="bn0")
        h = tf.nn.relu(h)
        h = tf.layers.conv2d_transpose(h, 4, 3, 2, "same", name="deconv1")
        h = tf.nn.relu(h)
        h = tf.layers.conv2d_transpose(h, 3, (3, 3), strides=(1, 1), padding="valid",
                                       activation=tf.nn.tanh, name="deconv2")
        return h


def sample(z1, z2):
    return generator(z1), generator(z2)


PROBE = {"entry": "sample", "inputs": {"z1": "float32[2,5]", "z2": "float32[2,5]"}}
