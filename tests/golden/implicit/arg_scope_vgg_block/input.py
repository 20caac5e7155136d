import tensorflow as tf
import tensorflow.contrib.slim as slim


def vgg_block(images, num_classes=3, weight_decay=0.0005):
    with tf.variable_scope("vgg_block"):
        with slim.arg_scope([slim.conv2d, slim.fully_connected],
                            activation_fn=tf.nn.relu,
                            weights_initializer=tf.truncated_normal_initializer(stddev=0.01),
                            weights_regularizer=slim.l2_regularizer(weight_decay)):
            with slim.arg_scope([slim.conv2d], padding="SAME", stride=1):
                net = slim.conv2d(images, 4, [3, 3], scope="conv1_1")
                net = slim.conv2d(net, 4, [3, 3], scope="conv1_2")
                net = slim.conv2d(net, 8, [3, 3], stride=2, scope="conv2")
            net = tf.reshape(net, [-1, 4 * 4 * 8])
            net = slim.fully_connected(net, 16, scope="fc6")
            return slim.fully_connected(net, num_classes, activation_fn=None, scope="fc7")
