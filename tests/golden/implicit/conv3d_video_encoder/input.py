import tensorflow as tf


def video_encoder(clip, hidden=4, training=False):
    with tf.variable_scope("video_encoder"):
        h = tf.layers.conv3d(clip, hidden, 3, padding="same", activation=tf.nn.relu,
                             name="conv1")
        h = tf.layers.conv3d(h, hidden * 2, (3, 3, 3), strides=(1, 2, 2), padding="same")
        h = tf.nn.relu(tf.layers.batch_normalization(h, training=training))
        h = tf.contrib.layers.conv3d(h, hidden, [1, 3, 3], activation_fn=None,
                                     scope="temporal")
        h = tf.reduce_mean(h, axis=[1, 2, 3])
        return tf.layers.dense(h, 5, name="logits")
