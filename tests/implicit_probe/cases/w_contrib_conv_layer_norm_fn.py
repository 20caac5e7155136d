import tensorflow as tf

slim = tf.contrib.slim


def encoder(x):
    with tf.variable_scope("enc"):
        h = slim.conv2d(x, 4, 3, normalizer_fn=slim.layer_norm, scope="c1")
        h = slim.separable_conv2d(h, None, 3, depth_multiplier=2, scope="dw")
        return slim.conv2d(h, 3, 1, normalizer_fn=slim.layer_norm, normalizer_params={"center": False}, scope="c2")


PROBE = {"entry": "encoder", "inputs": {"x": "float32[2,6,6,2]"}}
