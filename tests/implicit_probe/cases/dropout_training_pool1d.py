import tensorflow as tf


def text_cnn(embedded, training=False, keep_prob=0.7):
    with tf.variable_scope("text_cnn"):
        h = tf.layers.conv1d(embedded, 6, 3, padding="same", activation=tf.nn.relu, name="conv")
        h = tf.layers.max_pooling1d(h, 2, 2)
        h = tf.layers.average_pooling1d(h, pool_size=2, strides=1, padding="same")
        h = tf.layers.dropout(h, rate=0.4, training=training)
        h = tf.contrib.layers.flatten(h)
        h = tf.contrib.layers.dropout(h, keep_prob=keep_prob, is_training=training)
        return tf.layers.dense(h, 2, name="logits")


PROBE = {"entry": "text_cnn", "inputs": {"embedded": "float32[2,8,4]"}}
# With training=True the outputs at the initial weights are equal too (the same random draw), but a
# TF1 Session re-running the graph draws a new mask while each eager call draws the first one
# again under DeterministicRandomTestTool: the perturbed-weights comparison cannot hold then.
