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


def actor_critic(obs, real, fake):
    features = policy_trunk(obs)
    logits = tf.layers.dense(features, 3, name="pi")
    return logits, patch_critic(real), patch_critic(fake, reuse=True)
