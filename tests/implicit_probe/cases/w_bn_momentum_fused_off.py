import tensorflow as tf


def mlp_bn(x, is_training):
    with tf.variable_scope("mlp"):
        h = tf.layers.dense(x, 6, use_bias=False, name="fc1")
        h = tf.layers.batch_normalization(h, momentum=0.9, epsilon=1e-5, training=is_training, name="bn1")
        h = tf.nn.relu(h)
        h = tf.layers.dense(h, 3, name="fc2")
    return h


def train_graph(x, is_training):
    logits = mlp_bn(x, is_training)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        return tf.identity(logits)


PROBE = {"entry": "train_graph", "inputs": {"x": "float32[5,4]", "is_training": "bool[]"}}
