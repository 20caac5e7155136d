import tensorflow as tf

layers = tf.contrib.layers


def lrelu(x, leak=0.2):
    return tf.maximum(x, leak * x)


def discriminator(image, is_training=True, reuse=False):
    with tf.variable_scope("discriminator", reuse=reuse):
        init = tf.truncated_normal_initializer(stddev=0.02)
        h0 = layers.conv2d(image, 4, 3, stride=2, activation_fn=lrelu,
                           weights_initializer=init, scope="d_h0_conv")
        h1 = layers.conv2d(h0, 8, [3, 3], stride=2, activation_fn=lrelu,
                           normalizer_fn=layers.batch_norm,
                           normalizer_params={"is_training": is_training, "decay": 0.9},
                           weights_initializer=init, scope="d_h1_conv")
        flat = layers.flatten(h1)
        return layers.fully_connected(flat, 1, activation_fn=None, scope="d_h2_lin")


def build(real, fake):
    d_real = discriminator(real, is_training=False)
    d_fake = discriminator(fake, is_training=False, reuse=True)
    return d_real, d_fake
