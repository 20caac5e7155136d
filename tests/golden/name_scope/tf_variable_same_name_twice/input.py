import tensorflow as tf


def two_accumulators(x):
    with tf.name_scope("accumulators"):
        # TF1 uniquifies: accumulators/acc and accumulators/acc_1
        acc_sum = tf.Variable(tf.zeros([3]), name="acc", trainable=False)
        acc_sq = tf.Variable(tf.zeros([3]), name="acc", trainable=False)
        scale = tf.Variable(tf.ones([3]), name="scale")
    s = acc_sum + tf.reduce_sum(x, axis=0)
    q = acc_sq + tf.reduce_sum(tf.square(x), axis=0)
    return scale * (q - tf.square(s) / 2.0)
