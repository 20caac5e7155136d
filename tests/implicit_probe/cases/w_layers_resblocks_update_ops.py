import tensorflow as tf


def res_block(x, filters, training):
    h = tf.layers.conv2d(x, filters, 3, padding="same", use_bias=False)
    h = tf.layers.batch_normalization(h, training=training)
    h = tf.nn.relu(h)
    h = tf.layers.conv2d(h, filters, 3, padding="same", use_bias=False)
    h = tf.layers.batch_normalization(h, training=training)
    return tf.nn.relu(h + x)


def network(images, is_training):
    with tf.variable_scope("net"):
        x = tf.layers.conv2d(images, 4, 3, padding="same", name="stem")
        for i in range(3):
            with tf.variable_scope("res_%d" % i):
                x = res_block(x, 4, is_training)
        logits = tf.layers.dense(tf.reduce_mean(x, axis=[1, 2]), 5, name="fc")
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        logits = tf.identity(logits)
    return logits


PROBE = {"entry": "network", "inputs": {"images": "float32[3,5,5,2]", "is_training": "bool[]"}}
