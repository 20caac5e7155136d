import tensorflow as tf


def layer_norm(input_tensor, name=None):
    return tf.contrib.layers.layer_norm(
        inputs=input_tensor, begin_norm_axis=-1, begin_params_axis=-1, scope=name)


def dense(x, units, name=None):
    return tf.layers.dense(x, units, activation=tf.nn.relu, name=name)


def encoder_layer(x, hidden=6):
    with tf.variable_scope("layer_0"):
        with tf.variable_scope("attention"):
            h = layer_norm(x + dense(x, hidden, name="output"))
        with tf.variable_scope("ffn"):
            return layer_norm(h + dense(dense(h, 2 * hidden, name="intermediate"), hidden,
                                         name="output"))
