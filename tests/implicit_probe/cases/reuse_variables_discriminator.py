import tensorflow as tf


def discriminator(x, reuse=False, training=False):
    with tf.variable_scope("discriminator") as scope:
        if reuse:
            scope.reuse_variables()
        h = tf.layers.conv2d(x, 4, 3, strides=2, padding="same", name="conv1")
        h = tf.layers.batch_normalization(h, training=training, name="bn1")
        h = tf.nn.leaky_relu(h, 0.2)
        h = tf.layers.flatten(h)
        return tf.layers.dense(h, 1, name="logit")


def losses(real, fake):
    d_real = discriminator(real)
    d_fake = discriminator(fake, reuse=True)
    return tf.reduce_mean(d_real) - tf.reduce_mean(d_fake), d_fake


PROBE = {"entry": "losses", "inputs": {"real": "float32[2,6,6,1]", "fake": "float32[2,6,6,1]"}}
