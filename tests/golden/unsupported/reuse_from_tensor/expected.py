import tensorflow as tf


def discriminator(x, is_fake):
    # the reuse decision comes from run-time data: not decidable statically
    reuse = tf.cond(is_fake, lambda: tf.constant(True), lambda: tf.constant(False))
    with tf.compat.v1.variable_scope("discriminator", reuse=reuse):
        w = tf.compat.v1.get_variable("w", [x.get_shape()[-1], 1])
        return tf.matmul(x, w)
