import tensorflow as tf

from .layers import conv_block, linear


def policy_net(obs, num_actions=4):
    with tf.variable_scope("policy"):
        h = conv_block(obs, 8, "block1")
        h = conv_block(h, 8, "block2")
        h = tf.layers.flatten(h)
        h = tf.layers.dense(h, 32, activation=tf.nn.relu, name="fc")
        return linear(h, num_actions, name="logits")
