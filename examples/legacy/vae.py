"""Variational autoencoder in tensor2tensor style (TF1 graph code).

Entry point: ``vae_model(x, noise, latent_dim=4)``
Inputs:
    x      float32[2,16]  flattened inputs
    noise  float32[2,4]   standard-normal noise for the reparameterisation

TF1 graph code. ``dense`` opens ``tf.variable_scope(name, default_name="dense")``
so unnamed calls become ``dense``, ``dense_1``, ... each with fresh variables.
Kernels use glorot (get_variable's default initializer) and an L2 regularizer
written as a lambda; a float64 step counter and an int32 update count are
non-trainable bookkeeping variables.
"""
import tensorflow as tf

WEIGHT_DECAY = 1e-4


def dense(x, units, name=None, activation=None, use_bias=True):
    with tf.variable_scope(name, default_name="dense", values=[x]):
        kernel = tf.get_variable(
            "kernel", [x.get_shape()[-1], units],
            regularizer=lambda w: WEIGHT_DECAY * tf.reduce_sum(tf.square(w)))
        y = tf.matmul(x, kernel)
        if use_bias:
            y += tf.get_variable("bias", [units], initializer=tf.zeros_initializer())
        if activation is not None:
            y = activation(y)
        return y


def encode(x, hidden_size, latent_dim):
    with tf.variable_scope("encoder"):
        h = dense(x, hidden_size, activation=tf.nn.relu)
        h = dense(h, hidden_size, activation=tf.nn.relu)
        mu = dense(h, latent_dim, name="mu")
        log_sigma = dense(h, latent_dim, name="log_sigma")
        return mu, log_sigma


def decode(z, hidden_size, output_size):
    with tf.variable_scope("decoder"):
        h = dense(z, hidden_size, activation=tf.nn.relu)
        return dense(h, output_size, use_bias=False)


def vae_model(x, noise, latent_dim=4):
    hidden_size = 8
    with tf.variable_scope("vae"):
        kl_step = tf.get_variable("kl_step", [], dtype=tf.float64,
                                  initializer=tf.constant_initializer(0.0),
                                  trainable=False)
        num_updates = tf.get_variable("num_updates", shape=[], dtype=tf.int32,
                                      trainable=False)
        mu, log_sigma = encode(x, hidden_size, latent_dim)
        z = mu + tf.exp(log_sigma) * noise
        recon = decode(z, hidden_size, x.get_shape()[-1].value)
    kl_weight = tf.cast(tf.minimum(kl_step / 1000.0, 1.0), tf.float32)
    kl = -0.5 * tf.reduce_sum(1 + 2 * log_sigma - tf.square(mu) - tf.exp(2 * log_sigma), -1)
    rec = tf.reduce_sum(tf.square(recon - x), -1)
    loss = tf.reduce_mean(rec + kl_weight * kl)
    reg = tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
    return recon, loss + reg, num_updates
