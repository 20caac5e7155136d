import tensorflow as tf


def batch_norm(x, decay=0.9, eps=1e-3, scope="bn"):
    with tf.variable_scope(scope):
        n = x.get_shape()[-1].value
        gamma = tf.get_variable("gamma", [n], dtype=tf.float64, initializer=tf.ones_initializer(),
                                regularizer=lambda v: 1e-3 * tf.reduce_sum(tf.square(v)))
        beta = tf.get_variable("beta", [n], dtype=tf.float64, initializer=tf.zeros_initializer())
        moving_mean = tf.get_variable("moving_mean", [n], dtype=tf.float64,
                                      initializer=tf.zeros_initializer(), trainable=False)
        moving_var = tf.get_variable("moving_variance", [n], dtype=tf.float64,
                                     initializer=tf.ones_initializer(), trainable=False)
        mean, var = tf.nn.moments(x, [0], keep_dims=False)
        update_mean = tf.assign(moving_mean, decay * moving_mean + (1 - decay) * mean)
        update_var = tf.assign(moving_var, decay * moving_var + (1 - decay) * var)
        with tf.control_dependencies([update_mean, update_var]):
            return tf.nn.batch_normalization(x, mean, var, beta, gamma, eps)


def model(x):
    h = batch_norm(tf.cast(x, tf.float64), scope="bn_in")
    reg = tf.add_n(tf.losses.get_regularization_losses())
    return h, reg
