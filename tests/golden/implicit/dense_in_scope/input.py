import tensorflow as tf


def q_network(obs, num_actions=3):
    with tf.variable_scope("q_network"):
        h = tf.layers.dense(obs, 16, activation=tf.nn.relu, name="fc1")
        bias_scale = tf.get_variable("bias_scale", [num_actions],
                                     initializer=tf.ones_initializer())
        q = tf.layers.dense(h, num_actions, name="q_values")
        return q * bias_scale
