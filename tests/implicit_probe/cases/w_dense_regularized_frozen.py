import tensorflow as tf


def head(x):
    with tf.variable_scope("head"):
        h = tf.layers.dense(x, 6, activation=tf.nn.relu, trainable=False, name="frozen")
        h = tf.layers.dense(h, 4, kernel_regularizer=tf.contrib.layers.l2_regularizer(0.1),
                            bias_regularizer=tf.contrib.layers.l1_regularizer(0.01), name="reg")
        return tf.layers.dense(h, 2, use_bias=False, kernel_initializer=tf.zeros_initializer(), name="zero")


PROBE = {"entry": "head", "inputs": {"x": "float32[3,5]"}}
