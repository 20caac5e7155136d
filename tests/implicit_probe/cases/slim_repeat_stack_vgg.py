import tensorflow as tf
slim = tf.contrib.slim


def vgg_block(images):
    with tf.variable_scope("vgg"):
        net = slim.repeat(images, 2, slim.conv2d, 4, [3, 3], scope="conv1")
        net = slim.max_pool2d(net, [2, 2], scope="pool1")
        net = slim.stack(net, slim.conv2d, [(6, [3, 3]), (8, [1, 1])], scope="conv2")
        net = slim.flatten(net)
        net = slim.stack(net, slim.fully_connected, [5, 3], scope="fc")
        return net


PROBE = {"entry": "vgg_block", "inputs": {"images": "float32[2,8,8,3]"}}
