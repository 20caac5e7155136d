import tensorflow.compat.v1 as tf


def dense_relu_dense(x, filter_size, output_size, name=None):
    with tf.variable_scope(name, default_name="dense_relu_dense"):
        h = tf.layers.dense(x, filter_size, activation=tf.nn.relu, name="conv1")
        return tf.layers.dense(h, output_size, use_bias=True, name="conv2")


def layer_norm(x, epsilon=1e-6, name=None):
    with tf.variable_scope(name, default_name="layer_norm"):
        depth = x.shape[-1]
        scale = tf.get_variable("layer_norm_scale", [depth], initializer=tf.ones_initializer())
        bias = tf.get_variable("layer_norm_bias", [depth], initializer=tf.zeros_initializer())
        mean, variance = tf.nn.moments(x, [-1], keep_dims=True)
        return (x - mean) * tf.rsqrt(variance + epsilon) * scale + bias
