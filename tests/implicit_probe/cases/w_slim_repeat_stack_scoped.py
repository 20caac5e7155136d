import tensorflow as tf

slim = tf.contrib.slim


def encoder(x):
    with tf.variable_scope("enc"):
        h = slim.repeat(x, 2, slim.conv2d, 4, [3, 3], scope="rep")
        h = slim.flatten(h)
        return slim.stack(h, slim.fully_connected, [5, 3], scope="fcs")


PROBE = {"entry": "encoder", "inputs": {"x": "float32[2,6,6,2]"}}
