import tensorflow as tf

slim = tf.contrib.slim


def decoder(z, is_training=True):
    with tf.variable_scope("dec"):
        with slim.arg_scope([slim.conv2d_transpose], kernel_size=3, stride=2,
                            normalizer_fn=slim.batch_norm,
                            normalizer_params={"is_training": is_training, "scale": True}):
            net = slim.fully_connected(z, 2 * 2 * 6, scope="fc")
            net = tf.reshape(net, [-1, 2, 2, 6])
            net = slim.conv2d_transpose(net, 4, scope="up1")
            net = slim.conv2d_transpose(net, 2, scope="up2")
        return slim.conv2d(net, 1, 1, activation_fn=tf.nn.sigmoid, scope="out")


PROBE = {"entry": "decoder", "inputs": {"z": "float32[2,3]"}, "args": {"is_training": True}}
