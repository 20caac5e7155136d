import tensorflow as tf


def projection(states, units=6):
    with tf.variable_scope("projection"):
        h = tf.layers.dense(states, units, activation=tf.nn.relu,
                            kernel_initializer=tf.random_normal_initializer(stddev=0.1),
                            bias_initializer=tf.constant_initializer(0.1),
                            kernel_regularizer=tf.contrib.layers.l2_regularizer(0.01))
        return tf.layers.dense(h, 2, use_bias=False, name="out")


PROBE = {"entry": "projection", "inputs": {"states": "float64[2,5,4]"}}
