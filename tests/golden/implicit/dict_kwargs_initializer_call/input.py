import tensorflow as tf


def conv1d(inputs, filters=None, size=1, rate=1, padding="SAME", use_bias=True,
           activation_fn=None, scope="conv1d", reuse=None):
    """dc_tts's conv1d: the layer's arguments as a dict, an initializer built in it."""
    with tf.variable_scope(scope):
        if filters is None:
            filters = inputs.get_shape().as_list()[-1]

        params = {"inputs": inputs, "filters": filters, "kernel_size": size,
                  "dilation_rate": rate, "padding": padding, "use_bias": use_bias,
                  "kernel_initializer": tf.contrib.layers.variance_scaling_initializer(), "reuse": reuse}

        tensor = tf.layers.conv1d(**params)
        if activation_fn is not None:
            tensor = activation_fn(tensor)
    return tensor


def text_encoder(x):
    with tf.variable_scope("TextEnc"):
        h = conv1d(x, filters=6, size=1, activation_fn=tf.nn.relu, scope="C_1")
        h = conv1d(h, size=3, rate=2, scope="C_2")
    return h
