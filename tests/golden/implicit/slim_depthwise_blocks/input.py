import tensorflow as tf
import tensorflow.contrib.slim as slim


def depthwise_block(net, depth, stride, scope):
    with tf.variable_scope(scope):
        net = slim.separable_conv2d(net, None, [3, 3], depth_multiplier=1, stride=stride,
                                    scope="depthwise")
        return slim.conv2d(net, depth, [1, 1], scope="pointwise")


def mobile_features(images):
    with tf.variable_scope("MobileNet"):
        net = slim.conv2d(images, 8, [3, 3], stride=2, scope="Conv2d_0")
        for i, (depth, stride) in enumerate([(8, 1), (16, 2)]):
            net = depthwise_block(net, depth, stride, "Conv2d_%d" % (i + 1))
        net = slim.separable_conv2d(net, 6, 3, activation_fn=None, scope="Conv2d_sep")
        net = slim.conv1d(tf.reduce_mean(net, axis=1), 4, 2, scope="Conv1d")
        return slim.bias_add(net, activation_fn=tf.nn.tanh)
