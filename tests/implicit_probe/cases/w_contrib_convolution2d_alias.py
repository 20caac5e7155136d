import tensorflow as tf
slim = tf.contrib.slim


def tower(x):
    """convolution2d is conv2d under its other name (one function object in tf_slim): unnamed,
    both draw from the same `Conv` numbering."""
    with tf.variable_scope("tower"):
        h = tf.contrib.layers.convolution2d(x, 4, 3)
        h = slim.conv2d(h, 4, [1, 3], stride=2)
        h = slim.convolution2d(h, 3, 1, activation_fn=None, scope="head")
        return h


PROBE = {"entry": "tower", "inputs": {"x": "float32[2,8,8,3]"}}
