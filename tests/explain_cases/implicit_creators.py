import tensorflow as tf

slim = tf.contrib.slim


def tower(x):
    with tf.variable_scope("tower"):  # a creator passed as a value: the function stays TF1
        return slim.fully_connected(x, 4, activation_fn=slim.layer_norm)


def discriminator(images, is_training=True, reuse=False):
    with tf.variable_scope("disc", reuse=reuse):
        h = slim.conv2d(images, 8, 3, stride=2, normalizer_fn=slim.batch_norm,
                        normalizer_params={"is_training": is_training}, scope="conv1")
        h = tf.layers.batch_normalization(h, scale=False, training=is_training)
        h = tf.layers.flatten(h)
        return tf.layers.dense(h, 1, use_bias=False)


def build(real, fake):
    return discriminator(real), discriminator(fake, reuse=True)
