import tensorflow.compat.v1 as tf


def discriminator(x, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        h = tf.layers.dense(x, 16, activation=tf.nn.leaky_relu, name="h0")
        h = tf.layers.dense(h, 16, activation=tf.nn.leaky_relu, name="h1")
        return tf.layers.dense(h, 1, name="logit")
