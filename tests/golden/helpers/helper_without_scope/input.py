import tensorflow as tf


def _weight_variable(shape, stddev=0.1):
    return tf.get_variable("weights", shape,
                           initializer=tf.truncated_normal_initializer(stddev=stddev))


def _bias_variable(shape, value=0.1):
    return tf.get_variable("biases", shape, initializer=tf.constant_initializer(value))


def inference(images):
    with tf.variable_scope("hidden1"):
        w = _weight_variable([images.get_shape()[1].value, 8])
        hidden1 = tf.nn.relu(tf.matmul(images, w) + _bias_variable([8]))
    with tf.variable_scope("softmax_linear"):
        w = _weight_variable([8, 3], stddev=0.01)
        logits = tf.matmul(hidden1, w) + _bias_variable([3], value=0.0)
    return logits
