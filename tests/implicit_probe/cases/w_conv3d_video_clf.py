import tensorflow as tf


def video_net(clips, keep=1.0):
    with tf.variable_scope("c3d"):
        x = tf.layers.conv3d(clips, 4, [3, 3, 3], padding="same", activation=tf.nn.relu, name="conv1")
        x = tf.layers.max_pooling3d(x, [1, 2, 2], [1, 2, 2])
        x = tf.layers.conv3d(x, 6, 3, padding="valid", activation=tf.nn.relu, name="conv2")
        x = tf.layers.flatten(x)
        x = tf.nn.dropout(x, keep)
        return tf.layers.dense(x, 3, name="fc")


PROBE = {"entry": "video_net", "inputs": {"clips": "float32[2,4,6,6,2]"}}
