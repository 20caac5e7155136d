import tensorflow as tf


def policy_trunk(obs, num_layers=2, is_training=False):
    """An RL-style trunk: unnamed functional layers in a loop (TF1: dense, dense_1, ...)."""
    with tf.variable_scope("trunk"):
        h = obs
        for _ in range(num_layers):
            h = tf.layers.dense(h, 16, activation=tf.nn.tanh)
            h = tf.contrib.layers.layer_norm(h)
        return h


def patch_critic(image, reuse=False):
    """A patch discriminator whose strided convolutions are unnamed, reused for fake images."""
    with tf.variable_scope("patch_critic", reuse=reuse):
        h = image
        for i in range(3):
            h = tf.nn.leaky_relu(tf.contrib.layers.conv2d(h, 4, 3, stride=2, activation_fn=None))
        return tf.reduce_mean(h, axis=[1, 2, 3])


def sampler(z, depth=2, widths=(6, 4), reuse=False):
    """A generator whose layers are all unnamed: one before, a loop, a list, one after (TF1
    counted them on: dense, dense_1 .. dense_2, dense_3 .., dense_5)."""
    with tf.variable_scope("sampler", reuse=reuse):
        h = tf.layers.dense(z, 6, activation=tf.nn.relu)
        for _ in range(depth):
            h = tf.layers.dense(h, 6, activation=tf.nn.relu)
        blocks = [tf.layers.Dense(w, activation=tf.nn.tanh) for w in widths]
        for block in blocks:
            h = block(h)
        return tf.layers.dense(h, 2)


def actor_critic(obs, real, fake):
    features = policy_trunk(obs)
    logits = tf.layers.dense(features, 3, name="pi")
    samples = sampler(obs), sampler(obs, reuse=True)
    return logits, patch_critic(real), patch_critic(fake, reuse=True), samples
