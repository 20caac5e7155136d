import tensorflow as tf


def cnn(x, training=False):
    with tf.variable_scope("cnn"):
        h = tf.layers.conv2d(x, 4, [3, 3], activation=tf.nn.relu)
        h = tf.layers.max_pooling2d(h, 2, 2)
        h = tf.layers.conv2d(h, 8, [3, 3], padding="same", activation=tf.nn.relu)
        h = tf.layers.average_pooling2d(h, pool_size=2, strides=1, padding="same")
        h = tf.layers.flatten(h)
        h = tf.layers.dropout(h, rate=0.3, training=training)
        return tf.layers.dense(h, 4)


PROBE = {"entry": "cnn", "inputs": {"x": "float32[2,10,10,1]"}}
