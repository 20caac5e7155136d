import tensorflow as tf


def critic(x):
    # reuse decided by what is already in the graph at call time
    reuse = any(v.name.startswith("critic/") for v in tf.compat.v1.global_variables())
    with tf.compat.v1.variable_scope("critic", reuse=reuse):
        w = tf.compat.v1.get_variable("w", [x.get_shape()[-1], 1])
        b = tf.compat.v1.get_variable("b", [1], initializer=tf.compat.v1.zeros_initializer())
        return tf.matmul(x, w) + b


def critic_pair(real, fake):
    return critic(real), critic(fake)
