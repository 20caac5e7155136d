import tensorflow as tf


def make_weights(x, units, scope):
    with tf.variable_scope(scope):
        w = tf.get_variable("kernel", [x.get_shape()[-1], units])
        b = tf.get_variable("bias", [units], initializer=tf.constant_initializer(0.1))
        return tf.matmul(x, w) + b


def model(x):
    with tf.variable_scope("model") as model_scope:
        h = tf.nn.relu(make_weights(x, 5, "hidden"))
    out = make_weights(h, 2, model_scope)
    return out
