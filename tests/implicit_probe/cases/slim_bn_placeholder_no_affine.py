import tensorflow as tf
from tensorflow.contrib import slim


def head(features, is_training):
    with tf.variable_scope("head"):
        net = slim.fully_connected(features, 8, activation_fn=None, biases_initializer=None,
                                   normalizer_fn=slim.layer_norm, scope="fc")
        net = slim.batch_norm(net, is_training=is_training, center=False, scale=False,
                              scope="bn")
        net = slim.bias_add(net, activation_fn=tf.nn.relu, scope="bias")
        return slim.fully_connected(net, 1, activation_fn=None, scope="out")


PROBE = {"entry": "head", "inputs": {"features": "float32[4,5]", "is_training": "bool[]"}}
