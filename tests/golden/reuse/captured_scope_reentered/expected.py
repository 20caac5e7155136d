import tensorflow as tf


def build_heads(features, aux_features):
    with tf.variable_scope("shared_head") as head_scope:
        w = tf.get_variable("w", [features.get_shape()[-1], 2])
        logits = tf.matmul(features, w)
    with tf.variable_scope("auxiliary"):
        # a VariableScope object re-enters its own name, not auxiliary/shared_head
        with tf.variable_scope(head_scope, reuse=True):
            w_again = tf.get_variable("w", [features.get_shape()[-1], 2])
        bias = tf.get_variable("aux_bias", [2], initializer=tf.zeros_initializer())
        aux_logits = tf.matmul(aux_features, w_again) + bias
    return logits, aux_logits
