import tensorflow as tf


def resnet(x, is_training, blocks=2):
    with tf.variable_scope("resnet", reuse=tf.AUTO_REUSE):
        h = tf.contrib.layers.conv2d(x, 4, 3, activation_fn=None, scope="stem")
        for i in range(blocks):
            with tf.variable_scope(f"block{i}"):
                y = tf.contrib.layers.batch_norm(h, decay=0.9, is_training=is_training,
                                                 updates_collections=None, scale=True)
                y = tf.nn.relu(y)
                y = tf.contrib.layers.conv2d(y, 4, 3, activation_fn=None)
                h = h + y
        h = tf.contrib.layers.layer_norm(h)
        return tf.reduce_mean(h, axis=[1, 2, 3])


PROBE = {"entry": "resnet", "inputs": {"x": "float32[3,5,5,2]", "is_training": "bool[]"}}
