import tensorflow as tf


def critic(features, is_training, reuse=False):
    """A WGAN-style critic: layer objects built and called in one expression, a block per turn."""
    with tf.variable_scope("critic", reuse=reuse):
        h = tf.layers.Dense(16, activation=tf.nn.leaky_relu, name="embed")(features)
        for _ in range(3):
            h = tf.layers.Dense(16, activation=tf.nn.leaky_relu, name="residual")(h) + h
            h = tf.layers.Dense(16)(h)
            h = tf.layers.BatchNormalization(momentum=0.9)(h, training=is_training)
        return tf.layers.Dense(1, name="score").apply(h)


def critic_pair(real, fake, is_training):
    real_score = critic(real, is_training)
    fake_score = critic(fake, is_training, reuse=True)
    return real_score, fake_score
