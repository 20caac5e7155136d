import tensorflow as tf
from nets import critic


def interpolate_penalty(real, fake, alpha):
    interpolates = real + alpha * (fake - real)
    scores = critic(interpolates, reuse=True)
    return tf.reduce_mean(tf.square(scores - 1.0))


def wgan_losses(real, fake, alpha):
    d_real = critic(real)
    d_fake = critic(fake, reuse=True)
    d_loss = tf.reduce_mean(d_fake) - tf.reduce_mean(d_real)
    return d_loss + 10.0 * interpolate_penalty(real, fake, alpha), -tf.reduce_mean(d_fake)
