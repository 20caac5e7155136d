import tensorflow as tf

slim = tf.contrib.slim


def encoder(images, is_training=False, reuse=None):
    with tf.variable_scope("Encoder", reuse=reuse):
        with slim.arg_scope([slim.conv2d], padding="SAME", activation_fn=tf.nn.elu,
                            weights_initializer=slim.xavier_initializer()):
            net = slim.conv2d(images, 4, 3, scope="conv1")
            net = slim.conv2d(net, 8, 3, stride=2, scope="conv2")
            net = slim.avg_pool2d(net, 2)
        net = slim.flatten(net)
        return slim.fully_connected(net, 3, activation_fn=None, scope="fc")


def pair(a, b):
    return encoder(a), encoder(b, reuse=True)


PROBE = {"entry": "pair", "inputs": {"a": "float32[2,8,8,1]", "b": "float32[2,8,8,1]"}}
