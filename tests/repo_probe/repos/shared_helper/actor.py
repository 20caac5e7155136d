import tensorflow as tf

from common import mlp


def actor(obs, act_dim=2):
    with tf.variable_scope('actor'):
        return mlp(obs, [8, act_dim], 'pi', output_activation=tf.tanh)
