import tensorflow as tf


def conv_block(x, filters, is_training, name):
    with tf.variable_scope(name):
        x = tf.layers.conv2d(x, filters, 3, padding="same", use_bias=False)
        x = tf.layers.batch_normalization(x, training=is_training)
        return tf.nn.relu(x)


def classifier(images, is_training):
    with tf.variable_scope("classifier"):
        h = conv_block(images, 4, is_training, "block1")
        h = conv_block(h, 8, is_training, "block2")
        h = tf.reduce_mean(h, axis=[1, 2])
        return tf.layers.dense(h, 3, name="logits")


PROBE = {"entry": "classifier", "inputs": {"images": "float32[4,6,6,3]", "is_training": "bool[]"}}
