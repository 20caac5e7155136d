import tensorflow as tf


def classifier(x, is_training):
    with tf.variable_scope("classifier"):
        h = tf.layers.Dense(8, activation=tf.nn.relu, name="fc")(x)
        h = tf.layers.Dense(8)(h)
        h = tf.layers.BatchNormalization(momentum=0.9)(h, training=is_training)
        return tf.layers.Dense(2, name="logits")(h)


PROBE = {"entry": "classifier", "inputs": {"x": "float32[3,5]", "is_training": "bool[]"}}
