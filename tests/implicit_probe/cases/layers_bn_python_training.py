import tensorflow as tf


class Discriminator(object):
    def __init__(self, ndf=4):
        self.ndf = ndf

    def __call__(self, x, training=True):
        with tf.variable_scope("disc"):
            h = tf.layers.conv2d(x, self.ndf, 4, 2, padding="same",
                                 kernel_initializer=tf.truncated_normal_initializer(stddev=0.02))
            h = tf.nn.leaky_relu(h)
            h = tf.layers.conv2d(h, self.ndf * 2, 4, 2, padding="same")
            h = tf.layers.batch_normalization(h, training=training, momentum=0.9)
            h = tf.nn.leaky_relu(h)
            return tf.layers.dense(tf.layers.flatten(h), 1)


def critic(images):
    return Discriminator(ndf=4)(images, training=True)


PROBE = {"entry": "critic", "inputs": {"images": "float32[3,8,8,2]"}}
