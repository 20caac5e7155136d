import tensorflow as tf


def head(output, is_training):
    with tf.variable_scope("end_logits"):
        if is_training:
            h = tf.layers.dense(output, 6, activation=tf.tanh, name="dense_0")
            h = tf.contrib.layers.layer_norm(h, begin_norm_axis=-1)
            return tf.layers.dense(h, 1, name="dense_1")
        else:
            h = tf.layers.dense(output * 2.0, 6, activation=tf.tanh, name="dense_0")
            h = tf.contrib.layers.layer_norm(h, begin_norm_axis=-1)
            return tf.layers.dense(h, 1, name="dense_1")


PROBE = {"entry": "head", "inputs": {"output": "float32[3,4]"}, "args": {"is_training": False}}
