import tensorflow as tf


def critic(x):
    # reuse decided by what is already in the graph at call time
    reuse = any(v.name.startswith("critic/") for v in tf.global_variables())
    with tf.variable_scope("critic", reuse=reuse):
        w = tf.get_variable("w", [x.get_shape()[-1], 1])
        b = tf.get_variable("b", [1], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


def critic_pair(real, fake):
    return critic(real), critic(fake)
