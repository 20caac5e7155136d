import tensorflow as tf


def value_net(obs):
    with tf.variable_scope("value"):
        h = tf.contrib.layers.fully_connected(obs, 8, activation_fn=tf.nn.tanh, scope="fc1")
        h = tf.contrib.layers.fully_connected(h, 8, activation_fn=tf.nn.tanh, scope="fc2")
        v = tf.layers.dense(h, 1, name="v")
        return tf.squeeze(v, axis=1)


PROBE = {"entry": "value_net", "inputs": {"obs": "float64[4,3]"}}
