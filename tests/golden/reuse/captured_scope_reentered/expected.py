import tensorflow as tf


class BuildHeads(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.shared_head_w = None
        self.auxiliary_aux_bias = None

    def __call__(self, features, aux_features):
        with tf.name_scope("shared_head") as head_scope:
            if self.shared_head_w is None:
                self.shared_head_w = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([features.get_shape()[-1], 2], tf.float32), name="w")
            w = self.shared_head_w
            logits = tf.matmul(features, w)
        with tf.name_scope("auxiliary"):
            # a VariableScope object re-enters its own name, not auxiliary/shared_head
            with tf.name_scope(head_scope):
                w_again = self.shared_head_w
            if self.auxiliary_aux_bias is None:
                self.auxiliary_aux_bias = tf.Variable(tf.zeros_initializer()([2], dtype=tf.float32), name="aux_bias")
            bias = self.auxiliary_aux_bias
            aux_logits = tf.matmul(aux_features, w_again) + bias
        return logits, aux_logits
