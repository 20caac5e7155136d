import tensorflow as tf
from nets import Critic
from tf2_migrate_support import _tf1_reused


def interpolate_penalty(real, fake, alpha):
    interpolates = real + alpha * (fake - real)
    critic = _tf1_reused('critic:critic', lambda: Critic())
    scores = critic(interpolates)
    return tf.reduce_mean(tf.square(scores - 1.0))


def wgan_losses(real, fake, alpha):
    critic = _tf1_reused('critic:critic', lambda: Critic())
    d_real = critic(real)
    d_fake = critic(fake)
    d_loss = tf.reduce_mean(d_fake) - tf.reduce_mean(d_real)
    return d_loss + 10.0 * interpolate_penalty(real, fake, alpha), -tf.reduce_mean(d_fake)
