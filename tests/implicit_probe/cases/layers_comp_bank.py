import tensorflow as tf


def conv1d(inputs, kernel_size, channels, activation, is_training, scope):
    with tf.variable_scope(scope):
        conv = tf.layers.conv1d(inputs, channels, kernel_size, activation=activation, padding="same")
        return tf.layers.batch_normalization(conv, training=is_training)


def cbhg(inputs, is_training, K=3):
    with tf.variable_scope("cbhg"):
        with tf.variable_scope("conv_bank"):
            conv_outputs = tf.concat(
                [conv1d(inputs, k, 4, tf.nn.relu, is_training, "conv1d_%d" % k) for k in range(1, K + 1)],
                axis=-1)
        heads = [tf.layers.dense(conv_outputs, 2, name="head_%d" % i) for i in range(2)]
        return tf.add_n(heads)


PROBE = {"entry": "cbhg", "inputs": {"inputs": "float32[2,6,3]", "is_training": "bool[]"}}
