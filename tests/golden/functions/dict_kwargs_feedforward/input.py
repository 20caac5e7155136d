import tensorflow as tf


def feedforward(inputs, num_units=(8, 4), scope="multihead_attention", reuse=None):
    """Kyubyong's transformer: each layer's arguments built as a dict and unpacked at once."""
    with tf.variable_scope(scope, reuse=reuse):
        # Inner layer
        params = {"inputs": inputs, "filters": num_units[0], "kernel_size": 1,
                  "activation": tf.nn.relu, "use_bias": True}
        outputs = tf.layers.conv1d(**params)

        # Readout layer
        params = {"inputs": outputs, "filters": num_units[1], "kernel_size": 1,
                  "activation": None, "use_bias": True}
        outputs = tf.layers.conv1d(**params)

        # Residual connection
        outputs += inputs
    return outputs


def blocks(x):
    for i in range(2):
        with tf.variable_scope("num_blocks_{}".format(i)):
            x = feedforward(x, num_units=[8, 4])
    return x
