"""Builds the value network at module level, as many small research scripts do."""
import numpy as np
import tensorflow as tf

import layers

observations = tf.constant(np.linspace(-1.0, 1.0, 8).reshape(2, 4), dtype=tf.float32)

with tf.variable_scope('value_net'):
    hidden = tf.nn.tanh(layers.fully_connected(observations, 6, 'fc1'))
    value = layers.fully_connected(hidden, 1, 'v', init_scale=0.01)

with tf.variable_scope('value_net', reuse=True):
    hidden_again = tf.nn.tanh(layers.fully_connected(observations, 6, 'fc1'))

with tf.variable_scope('target_net'):
    target_hidden = tf.nn.tanh(layers.fully_connected(observations, 6, 'fc1'))
    target_value = layers.fully_connected(target_hidden, 1, 'v', init_scale=0.01)

td_error = tf.reduce_mean(tf.square(value - target_value)) + tf.reduce_sum(hidden_again)
