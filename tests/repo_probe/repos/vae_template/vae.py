import tensorflow as tf

from layers import fc


def encoder(x, n_hidden=6, n_z=2):
    with tf.variable_scope('encoder'):
        h = fc(x, n_hidden, 'h1', activation=tf.nn.softplus)
        z_mean = fc(h, n_z, 'z_mean')
        z_log_sigma_sq = fc(h, n_z, 'z_log_sigma_sq')
    return z_mean, z_log_sigma_sq


def decoder(z, n_hidden=6, n_out=5, reuse=False):
    with tf.variable_scope('decoder', reuse=reuse):
        h = fc(z, n_hidden, 'h1', activation=tf.nn.softplus)
        x_logits = fc(h, n_out, 'x_logits')
    return x_logits


def reparameterize(z_mean, z_log_sigma_sq, eps):
    return z_mean + tf.sqrt(tf.exp(z_log_sigma_sq)) * eps


def vae_loss(x, eps):
    z_mean, z_log_sigma_sq = encoder(x)
    z = reparameterize(z_mean, z_log_sigma_sq, eps)
    x_logits = decoder(z)
    recon = tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.sigmoid(x), logits=x_logits), 1)
    latent = -0.5 * tf.reduce_sum(1 + z_log_sigma_sq - tf.square(z_mean) - tf.exp(z_log_sigma_sq), 1)
    return tf.reduce_mean(recon + latent)


def generate(z_prior):
    with tf.variable_scope('decoder', reuse=True):
        h = fc(z_prior, 6, 'h1', activation=tf.nn.softplus)
        return tf.sigmoid(fc(h, 5, 'x_logits'))


def loss_and_samples(x, eps, z_prior):
    loss = vae_loss(x, eps)
    samples = tf.sigmoid(decoder(z_prior, reuse=True))
    again = generate(z_prior)
    return loss, samples, again
