import tensorflow as tf


def mixed_precision_stats(x):
    with tf.variable_scope("stats"):
        total = tf.get_variable("total", [3], dtype=tf.float64,
                                initializer=tf.zeros_initializer(), trainable=False)
        count = tf.get_variable("count", [], dtype=tf.int32, trainable=False)
        scale64 = tf.get_variable("scale", [3], tf.float64,
                                  initializer=tf.constant_initializer(2.0))
        bucket_ids = tf.get_variable("bucket_ids", [3], dtype=tf.int64,
                                     initializer=tf.constant_initializer(7),
                                     trainable=False)
    y = tf.cast(x, tf.float64) * scale64 + total
    return y, count + 1, bucket_ids
