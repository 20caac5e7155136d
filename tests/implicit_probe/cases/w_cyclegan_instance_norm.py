import tensorflow as tf


def conv_in_relu(x, filters, name):
    with tf.variable_scope(name):
        x = tf.layers.conv2d(x, filters, 3, padding="same")
        x = tf.contrib.layers.instance_norm(x)
        return tf.nn.relu(x)


def generator(x, name, reuse=False):
    with tf.variable_scope(name, reuse=reuse):
        h = conv_in_relu(x, 4, "c1")
        h = conv_in_relu(h, 4, "c2")
        return tf.nn.tanh(tf.layers.conv2d(h, 3, 3, padding="same", name="out"))


def cycle(a, b):
    fake_b = generator(a, "g_ab")
    fake_a = generator(b, "g_ba")
    rec_a = generator(fake_b, "g_ba", reuse=True)
    return fake_b, fake_a, rec_a


PROBE = {"entry": "cycle", "inputs": {"a": "float32[2,5,5,3]", "b": "float32[2,5,5,3]"}}
