import tensorflow as tf


def layer_norm(x, scope="layer_norm", epsilon=1e-5):
    """Layer norm over the last axis, in the style of GPT-2's `norm`."""
    n_state = x.get_shape().as_list()[-1]
    with tf.variable_scope(scope):
        g = tf.get_variable("g", [n_state], initializer=tf.constant_initializer(1.0))
        b = tf.get_variable("b", [n_state], initializer=tf.constant_initializer(0.0))
        mean, variance = tf.nn.moments(x, [-1], keep_dims=True)
        return (x - mean) * tf.rsqrt(variance + epsilon) * g + b
