import tensorflow as tf


def critic(x):
    w = tf.get_variable("critic_w", [x.get_shape()[-1], 1])
    b = tf.get_variable("critic_b", [1], initializer=tf.zeros_initializer())
    return tf.matmul(x, w) + b


def wgan_gp_terms(real, fake, alpha):
    with tf.variable_scope("wgan"):
        d_real = critic(real)
        tf.get_variable_scope().reuse_variables()
        d_fake = critic(fake)
        interp = real + alpha * (fake - real)
        d_interp = critic(interp)
    grads = tf.gradients(d_interp, [interp])[0]
    penalty = tf.reduce_mean(tf.square(tf.norm(grads, axis=1) - 1.0))
    return tf.reduce_mean(d_fake) - tf.reduce_mean(d_real) + 10.0 * penalty
