import tensorflow as tf


def mlp(x, hidden=(16, 8)):
    with tf.variable_scope("mlp"):
        for i, units in enumerate(hidden):
            x = tf.contrib.layers.fully_connected(x, units, activation_fn=None, scope="fc%d" % i)
            x = tf.contrib.layers.batch_norm(x, is_training=True, updates_collections=None,
                                             scale=True, center=False, decay=0.9, scope="bn%d" % i)
            x = tf.nn.relu(x)
        return tf.contrib.layers.fully_connected(x, 2, activation_fn=tf.nn.tanh, scope="out")


PROBE = {"entry": "mlp", "inputs": {"x": "float32[4,6]"}}
