import tensorflow as tf

slim = tf.contrib.slim


def decoder(code, is_training=True):
    with tf.variable_scope("decoder"):
        h = slim.fully_connected(code, 2 * 2 * 8, scope="fc")
        h = tf.reshape(h, [-1, 2, 2, 8])
        h = slim.conv2d_transpose(h, 6, [3, 3], stride=2, normalizer_fn=slim.batch_norm,
                                  normalizer_params={"is_training": is_training, "decay": 0.9,
                                                     "scale": True},
                                  scope="up1")
        h = slim.conv2d_transpose(h, 3, 3, stride=2, padding="VALID", activation_fn=tf.nn.sigmoid,
                                  scope="up2")
        return h


PROBE = {"entry": "decoder", "inputs": {"code": "float32[3,4]"}, "args": {"is_training": True}}
