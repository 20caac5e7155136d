import tensorflow as tf


def critic(x):
    with tf.variable_scope("critic"):
        w = tf.get_variable("w", [x.get_shape()[-1], 1])
        return tf.matmul(x, w)


def actor(x):
    with tf.variable_scope("actor"):
        w = tf.get_variable("w", [x.get_shape()[-1], 2])
        return tf.nn.tanh(tf.matmul(x, w))


def build(obs):
    action = actor(obs)
    value = critic(obs)
    actor_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope="actor")
    critic_vars = tf.trainable_variables("critic")
    everything = tf.global_variables()
    return (action, value, tf.add_n([tf.reduce_sum(v) for v in actor_vars]),
            tf.add_n([tf.reduce_sum(v) for v in critic_vars]), tf.add_n([tf.reduce_sum(v) for v in everything]))
