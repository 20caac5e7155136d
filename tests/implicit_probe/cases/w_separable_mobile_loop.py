import tensorflow as tf


def mobile_net(images):
    with tf.variable_scope("mobile"):
        x = tf.layers.conv2d(images, 4, 3, strides=2, padding="same", activation=tf.nn.relu6)
        for i, (filters, stride) in enumerate([(6, 1), (8, 2)]):
            with tf.variable_scope("sep%d" % i):
                x = tf.layers.separable_conv2d(x, filters, 3, strides=stride, padding="same",
                                               depth_multiplier=2, activation=tf.nn.relu6)
        return tf.layers.flatten(x)


PROBE = {"entry": "mobile_net", "inputs": {"images": "float32[2,8,8,3]"}}
