import tensorflow as tf


def ridge_layer(x, units=3, weight_decay=1e-4):
    with tf.variable_scope("ridge"):
        w = tf.get_variable("weights", [x.get_shape()[-1], units],
                            initializer=tf.truncated_normal_initializer(stddev=0.1),
                            regularizer=lambda w: weight_decay * tf.reduce_sum(tf.square(w)))
        b = tf.get_variable("biases", [units], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b
