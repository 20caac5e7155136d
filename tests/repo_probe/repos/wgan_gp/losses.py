"""The WGAN-GP losses: the critic on real, fake and interpolated images, the gradient penalty from
tf.gradients of the critic on the interpolates."""
import tensorflow as tf

from nets import critic, generator

LAMBDA = 10.0


def gradient_penalty(real, fake, alpha):
    differences = fake - real
    interpolates = real + alpha * differences
    gradients = tf.gradients(critic(interpolates, reuse=True), [interpolates])[0]
    slopes = tf.sqrt(tf.reduce_sum(tf.square(gradients), reduction_indices=[1, 2, 3]))
    return tf.reduce_mean((slopes - 1.) ** 2)


def wgan_gp_losses(z, real, alpha):
    fake = generator(z)
    disc_real = critic(real)
    disc_fake = critic(fake, reuse=True)
    gen_cost = -tf.reduce_mean(disc_fake)
    disc_cost = tf.reduce_mean(disc_fake) - tf.reduce_mean(disc_real)
    disc_cost += LAMBDA * gradient_penalty(real, fake, alpha)
    return gen_cost, disc_cost


def critic_scores(z, real):
    fake = generator(z, is_training=False)
    return critic(real), critic(fake, reuse=True)
