import tensorflow as tf

slim = tf.contrib.slim


def up(x):
    with tf.variable_scope("up"):
        a = tf.layers.conv2d_transpose(x, 3, [3, 2], strides=(2, 3), padding="valid", name="t1")
        b = slim.conv2d_transpose(x, 2, 3, stride=2, padding="VALID", scope="t2")
        c = tf.layers.separable_conv2d(x, 2, 2, dilation_rate=1, padding="valid", use_bias=False, name="sep")
        return a, b, c


PROBE = {"entry": "up", "inputs": {"x": "float32[2,3,4,2]"}}
