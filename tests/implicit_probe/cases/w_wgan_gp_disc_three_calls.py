import tensorflow as tf


def critic(x, reuse=False):
    with tf.variable_scope("critic", reuse=reuse):
        h = tf.layers.dense(x, 8, activation=tf.nn.leaky_relu, name="fc1")
        h = tf.layers.dense(h, 8, activation=tf.nn.leaky_relu, name="fc2")
        return tf.layers.dense(h, 1, name="out")


def wgan_gp(real, fake, alpha):
    d_real = critic(real)
    d_fake = critic(fake, reuse=True)
    interp = real + alpha * (fake - real)
    d_interp = critic(interp, reuse=True)
    return d_real, d_fake, d_interp


PROBE = {"entry": "wgan_gp", "inputs": {"real": "float32[3,4]", "fake": "float32[3,4]", "alpha": "float32[3,1]"}}
