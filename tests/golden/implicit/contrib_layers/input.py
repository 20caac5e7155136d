import tensorflow as tf


def policy(obs, num_actions=2):
    with tf.variable_scope("policy"):
        h = tf.contrib.layers.fully_connected(obs, 16)
        h = tf.contrib.layers.layer_norm(h)
        h = tf.contrib.layers.fully_connected(h, 16, scope="hidden")
        return tf.contrib.layers.fully_connected(h, num_actions, activation_fn=None, scope="logits")
