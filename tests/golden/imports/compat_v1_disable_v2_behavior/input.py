import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def value_head(h):
    with tf.variable_scope("value_head"):
        w = tf.get_variable("w", [h.shape[-1].value, 1],
                            initializer=tf.random_normal_initializer(stddev=0.01))
        b = tf.get_variable("b", [1], initializer=tf.zeros_initializer())
        return tf.squeeze(tf.matmul(h, w) + b, axis=1)
