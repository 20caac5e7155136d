import tensorflow as tf

from actor import actor


def tower_loss(obs_a, obs_b):
    losses = []
    for i, obs in enumerate([obs_a, obs_b]):
        with tf.name_scope('tower_%d' % i):
            pi = actor(obs)
            losses.append(tf.reduce_mean(tf.square(pi)))
            tf.get_variable_scope().reuse_variables()
    return tf.add_n(losses) / 2.0
