import tensorflow as tf


def ffn_block(x, hidden, out):
    h = tf.contrib.layers.fully_connected(x, hidden, scope="ffn_in")
    h = tf.contrib.layers.fully_connected(h, out, activation_fn=None, scope="ffn_out")
    return tf.contrib.layers.layer_norm(h + x, begin_norm_axis=-1, begin_params_axis=-1, scope="ln")


def encoder(x, num_layers=2):
    with tf.variable_scope("encoder"):
        for i in range(num_layers):
            with tf.variable_scope("layer_%d" % i):
                x = ffn_block(x, 12, 6)
        return tf.contrib.layers.layer_norm(x)


PROBE = {"entry": "encoder", "inputs": {"x": "float32[2,4,6]"}}
