import tensorflow as tf


def text_cnn(embedded, filter_sizes=(2, 3, 4), num_filters=3):
    pooled = []
    for fs in filter_sizes:
        with tf.variable_scope("conv-maxpool-%s" % fs):
            conv = tf.layers.conv1d(embedded, num_filters, fs, activation=tf.nn.relu, name="conv")
            pooled.append(tf.reduce_max(conv, axis=1))
    h = tf.concat(pooled, 1)
    with tf.variable_scope("output"):
        return tf.layers.dense(h, 2, kernel_initializer=tf.contrib.layers.xavier_initializer(), name="scores")


PROBE = {"entry": "text_cnn", "inputs": {"embedded": "float32[2,7,4]"}}
