import tensorflow as tf


def q_network(obs, num_actions=3):
    with tf.compat.v1.variable_scope("q_network"):
        h = tf.compat.v1.layers.dense(obs, 16, activation=tf.nn.relu, name="fc1")
        bias_scale = tf.compat.v1.get_variable("bias_scale", [num_actions],
                                     initializer=tf.compat.v1.ones_initializer())
        q = tf.compat.v1.layers.dense(h, num_actions, name="q_values")
        return q * bias_scale
