import tensorflow as tf


def fully_connected(x):
    with tf.variable_scope("fc"):
        w = tf.get_variable("weights", [16, 8],
                            initializer=tf.random_normal_initializer(stddev=0.02))
        b = tf.get_variable("biases", [8], initializer=tf.constant_initializer(0.0))
        h = tf.nn.relu(tf.matmul(x, w) + b)
    return tf.nn.dropout(h, keep_prob=1.0)
