import tensorflow as tf


def running_normalizer(x, momentum=0.99):
    dim = x.get_shape()[-1].value
    with tf.variable_scope("obs_normalizer"):
        mean = tf.get_variable("mean", [dim], initializer=tf.zeros_initializer(),
                               trainable=False)
        var = tf.get_variable("var", [dim], initializer=tf.ones_initializer(),
                              trainable=False)
        scale = tf.get_variable("scale", [dim], initializer=tf.ones_initializer())
    batch_mean, batch_var = tf.nn.moments(x, [0])
    new_mean = momentum * mean + (1 - momentum) * batch_mean
    new_var = momentum * var + (1 - momentum) * batch_var
    return scale * (x - new_mean) / tf.sqrt(new_var + 1e-8)
