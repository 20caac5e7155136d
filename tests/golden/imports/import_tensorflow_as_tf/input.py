import tensorflow as tf


def logistic_regression(features, num_classes=2):
    with tf.variable_scope("logreg"):
        w = tf.get_variable("w", [features.get_shape()[1], num_classes],
                            initializer=tf.zeros_initializer())
        b = tf.get_variable("b", [num_classes], initializer=tf.zeros_initializer())
        logits = tf.matmul(features, w) + b
    return tf.nn.softmax(logits)
