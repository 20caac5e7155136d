"""The training losses: calls the model through `import model`."""
import tensorflow as tf

import model


def gan_losses(z, images):
    d_real, d_fake, fake, d_size, g_size = model.build_gan(z, images)
    d_loss = tf.reduce_mean(tf.nn.softplus(-d_real)) + tf.reduce_mean(tf.nn.softplus(d_fake))
    g_loss = tf.reduce_mean(tf.nn.softplus(-d_fake))
    return d_loss, g_loss, d_size, g_size
