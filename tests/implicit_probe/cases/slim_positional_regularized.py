import tensorflow as tf
import tensorflow.contrib.slim as slim


def net(x, weight_decay=0.01):
    reg = slim.l2_regularizer(weight_decay)
    with tf.variable_scope("net"):
        h = slim.conv2d(x, 6, [3, 3], 2, "VALID", weights_regularizer=reg,
                        biases_regularizer=slim.l1_regularizer(0.001),
                        weights_initializer=slim.variance_scaling_initializer())
        h = slim.separable_conv2d(h, None, [3, 3], depth_multiplier=2, scope="dw")
        h = slim.conv2d(h, 4, 1, activation_fn=None, weights_initializer=slim.xavier_initializer(uniform=False))
        h = tf.reduce_mean(h, [1, 2])
        return slim.fully_connected(h, 2, activation_fn=None, weights_regularizer=reg)


PROBE = {"entry": "net", "inputs": {"x": "float32[2,9,9,3]"}}
