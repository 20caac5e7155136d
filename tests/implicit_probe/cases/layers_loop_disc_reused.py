import tensorflow as tf


def discriminator(x, reuse=False):
    with tf.variable_scope("disc", reuse=reuse):
        h = x
        for i in range(2):
            h = tf.layers.Dense(6, activation=tf.nn.leaky_relu, name="hidden")(h)
            h = tf.layers.Dense(6)(h)
            h = tf.layers.BatchNormalization()(h, training=True)
        return tf.layers.Dense(1, name="logit")(h)


def gan(real, fake):
    return discriminator(real), discriminator(fake, reuse=True)


PROBE = {"entry": "gan", "inputs": {"real": "float32[4,5]", "fake": "float32[4,5]"}}
