import tensorflow as tf


def features(x):
    with tf.variable_scope("feat"):
        h = tf.contrib.layers.conv2d(x, 4, 3, rate=2, scope="atrous")
        h = tf.contrib.layers.conv2d(h, 4, [3, 1], stride=2, padding="VALID", activation_fn=tf.nn.elu, scope="strided")
        h = tf.contrib.layers.fully_connected(h, 3, scope="fc_rank4")
        return tf.contrib.layers.bias_add(h, activation_fn=tf.nn.relu)


PROBE = {"entry": "features", "inputs": {"x": "float32[2,9,9,2]"}}
