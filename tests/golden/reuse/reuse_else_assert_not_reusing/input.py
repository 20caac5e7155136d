import tensorflow as tf


def discriminator(image, reuse=False, name="discriminator"):
    with tf.variable_scope(name):
        # CycleGAN-style guard: a first call must not find a reusing scope
        if reuse:
            tf.get_variable_scope().reuse_variables()
        else:
            assert tf.get_variable_scope().reuse is False
        w = tf.get_variable("w", [image.get_shape()[-1], 1],
                            initializer=tf.truncated_normal_initializer(stddev=0.02))
        b = tf.get_variable("b", [1], initializer=tf.constant_initializer(0.0))
        return tf.nn.sigmoid(tf.matmul(image, w) + b)


def critic_pair(real, fake):
    with tf.variable_scope("critic"):
        assert not tf.get_variable_scope().reuse
        d_real = discriminator(real, name="discriminatorA")
        d_fake = discriminator(fake, reuse=True, name="discriminatorA")
    return d_real, d_fake
