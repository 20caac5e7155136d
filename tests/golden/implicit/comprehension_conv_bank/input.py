import tensorflow as tf


def conv_bn(inputs, width, channels, is_training, scope):
    with tf.variable_scope(scope):
        h = tf.layers.conv1d(inputs, channels, width, activation=tf.nn.relu, padding="same")
        return tf.layers.batch_normalization(h, training=is_training)


def filter_bank(inputs, is_training, max_width=3):
    """A speech-style bank of convolutions of widths 1..max_width, built by a comprehension."""
    with tf.variable_scope("filter_bank"):
        stacked = tf.concat(
            [conv_bn(inputs, w, 4, is_training, "conv_w%d" % w) for w in range(1, max_width + 1)],
            axis=-1)
        gates = [tf.layers.dense(stacked, 1, activation=tf.nn.sigmoid, name="gate_%d" % i)
                 for i in range(2)]
        return stacked * tf.add_n(gates)
