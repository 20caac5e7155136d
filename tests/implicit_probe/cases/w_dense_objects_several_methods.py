import tensorflow as tf


class VAE(object):
    """Dense layer objects built in __init__, used by encode, decode and reconstruct."""

    def __init__(self, latent=3, hidden=8):
        self.enc_h = tf.layers.Dense(hidden, activation=tf.nn.relu, name="enc_h")
        self.enc_mu = tf.layers.Dense(latent, name="enc_mu")
        self.dec_h = tf.layers.Dense(hidden, activation=tf.nn.relu, name="dec_h")
        self.dec_out = tf.layers.Dense(6, name="dec_out")

    def encode(self, x):
        return self.enc_mu(self.enc_h(x))

    def decode(self, z):
        return self.dec_out(self.dec_h(z))

    def reconstruct(self, x, z):
        with tf.variable_scope("vae"):
            mu = self.encode(x)
            return self.decode(mu), self.decode(z)


PROBE = {"entry": "VAE.reconstruct", "init_args": {"latent": 3, "hidden": 8},
         "inputs": {"x": "float32[4,6]", "z": "float32[2,3]"}}
