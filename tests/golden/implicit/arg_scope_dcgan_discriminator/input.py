import tensorflow as tf
import tensorflow.contrib.slim as slim


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


def discriminator(images, is_training=True, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        with slim.arg_scope([slim.conv2d], kernel_size=[4, 4], stride=2, padding="SAME",
                            activation_fn=lrelu,
                            weights_initializer=tf.truncated_normal_initializer(stddev=0.02)):
            with slim.arg_scope([slim.batch_norm], is_training=is_training, decay=0.9,
                                epsilon=1e-5, scale=True, updates_collections=None):
                h0 = slim.conv2d(images, 4, scope="d_h0_conv")
                h1 = slim.conv2d(h0, 8, normalizer_fn=slim.batch_norm, scope="d_h1_conv")
                h2 = slim.conv2d(h1, 16, normalizer_fn=slim.batch_norm)
        logits = slim.fully_connected(slim.flatten(h2), 1, activation_fn=None, scope="d_h3_lin")
        return tf.nn.sigmoid(logits), logits


def build(real, fake):
    d_real, d_real_logits = discriminator(real)
    d_fake, d_fake_logits = discriminator(fake, reuse=True)
    return d_real_logits, d_fake_logits
