import tensorflow as tf


def gaussian_encoder(x, n_hidden, n_latent):
    with tf.variable_scope("gaussian_encoder"):
        w0 = tf.get_variable("w0", [x.get_shape()[1], n_hidden],
                             initializer=tf.truncated_normal_initializer(stddev=0.1))
        b0 = tf.get_variable("b0", [n_hidden], initializer=tf.constant_initializer(0.))
        h0 = tf.nn.elu(tf.matmul(x, w0) + b0)
        wo = tf.get_variable("wo", [n_hidden, 2 * n_latent],
                             initializer=tf.truncated_normal_initializer(stddev=0.1))
        bo = tf.get_variable("bo", [2 * n_latent], initializer=tf.constant_initializer(0.))
        gaussian_params = tf.matmul(h0, wo) + bo
        mean = gaussian_params[:, :n_latent]
        stddev = 1e-6 + tf.nn.softplus(gaussian_params[:, n_latent:])
    return mean, stddev


def bernoulli_decoder(z, n_hidden, n_output, keep_prob, reuse=False):
    with tf.variable_scope("bernoulli_decoder", reuse=reuse):
        w0 = tf.get_variable("w0", [z.get_shape()[1], n_hidden],
                             initializer=tf.truncated_normal_initializer(stddev=0.1))
        b0 = tf.get_variable("b0", [n_hidden], initializer=tf.constant_initializer(0.))
        h0 = tf.nn.dropout(tf.nn.tanh(tf.matmul(z, w0) + b0), keep_prob)
        wo = tf.get_variable("wo", [n_hidden, n_output],
                             initializer=tf.truncated_normal_initializer(stddev=0.1))
        bo = tf.get_variable("bo", [n_output], initializer=tf.constant_initializer(0.))
        return tf.sigmoid(tf.matmul(h0, wo) + bo)


def autoencoder(x, dim_z=2, n_hidden=8, keep_prob=1.0):
    mu, sigma = gaussian_encoder(x, n_hidden, dim_z)
    z = mu + sigma * tf.random_normal(tf.shape(mu), 0, 1, dtype=tf.float32, seed=1)
    y = bernoulli_decoder(z, n_hidden, int(x.get_shape()[1]), keep_prob)
    y = tf.clip_by_value(y, 1e-8, 1 - 1e-8)
    marginal_likelihood = tf.reduce_mean(tf.reduce_sum(x * tf.log(y) + (1 - x) * tf.log(1 - y), 1))
    kl = tf.reduce_mean(0.5 * tf.reduce_sum(tf.square(mu) + tf.square(sigma) - tf.log(1e-8 + tf.square(sigma)) - 1, 1))
    return y, -(marginal_likelihood - kl)


def decoder(z, dim_img, n_hidden=8):
    return bernoulli_decoder(z, n_hidden, dim_img, 1.0, reuse=True)
