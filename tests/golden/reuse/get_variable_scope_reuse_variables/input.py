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
    # (the gradient penalty's tf.gradients needs a GradientTape in TF2: kept out of this case)
    penalty = tf.reduce_mean(tf.square(d_interp - 1.0))
    return tf.reduce_mean(d_fake) - tf.reduce_mean(d_real) + 10.0 * penalty
