import tensorflow as tf
import tensorflow.contrib.slim as slim


def vgg_like(images, num_classes=5, depth=3):
    net = images
    with tf.variable_scope("vgg"):
        for i in range(depth):
            with tf.variable_scope(f"block{i + 1}"):
                net = slim.conv2d(net, 4 * (i + 1), [3, 3], scope="conv")
                net = slim.max_pool2d(net, [2, 2], scope="pool")
        net = slim.flatten(net)
        net = slim.fully_connected(net, 16, weights_regularizer=slim.l2_regularizer(1e-4),
                                   scope="fc6")
        net = slim.dropout(net, 0.5, is_training=False, scope="dropout6")
        return slim.fully_connected(net, num_classes, activation_fn=None, scope="logits")
