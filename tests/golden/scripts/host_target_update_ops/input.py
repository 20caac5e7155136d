import tensorflow as tf


def q_func(obs, num_actions, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("w", [obs.get_shape()[-1], num_actions])
        b = tf.get_variable("b", [num_actions], initializer=tf.zeros_initializer())
        return tf.matmul(obs, w) + b


def build_train(obs, next_obs, num_actions=2):
    q_t = q_func(obs, num_actions, scope="q_func")
    q_func_vars = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope="q_func")
    q_tp1 = q_func(next_obs, num_actions, scope="target_q_func")
    target_q_func_vars = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES,
                                           scope="target_q_func")
    update_target = tf.group(*[
        target.assign(source)
        for source, target in zip(sorted(q_func_vars, key=lambda v: v.name),
                                  sorted(target_q_func_vars, key=lambda v: v.name))])
    return q_t, q_tp1, update_target
