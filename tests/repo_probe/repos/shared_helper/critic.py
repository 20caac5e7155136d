import tensorflow as tf

import common


def critic(obs, act, reuse=False):
    with tf.variable_scope('critic', reuse=reuse):
        return tf.squeeze(common.mlp(tf.concat([obs, act], axis=-1), [8, 1], 'q'), axis=1)
