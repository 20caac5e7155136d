import tensorflow as tf


def net(x, is_training):
    with tf.variable_scope("net"):
        h = tf.layers.dense(x, 4, name="fc")
        h = tf.layers.batch_normalization(h, axis=-1, momentum=0.5, beta_initializer=tf.constant_initializer(0.2),
                                          gamma_initializer=tf.constant_initializer(1.5),
                                          training=is_training, name="bn")
        h2 = tf.contrib.layers.batch_norm(h, center=False, scale=True, decay=0.8, is_training=is_training,
                                          updates_collections=None, scope="cbn")
        return h, h2


PROBE = {"entry": "net", "inputs": {"x": "float32[4,3]", "is_training": "bool[]"}}
