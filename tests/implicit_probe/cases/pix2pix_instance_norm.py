import tensorflow as tf


def res_block(x, dim, scope):
    with tf.variable_scope(scope):
        y = tf.contrib.layers.conv2d(x, dim, 3, activation_fn=None,
                                     weights_initializer=tf.random_normal_initializer(0, 0.02),
                                     biases_initializer=None)
        y = tf.contrib.layers.instance_norm(y)
        y = tf.nn.relu(y)
        y = tf.contrib.layers.conv2d(y, dim, 3, activation_fn=None)
        return x + tf.contrib.layers.instance_norm(y)


def translator(images, reuse=False):
    with tf.variable_scope("translator", reuse=reuse):
        h = tf.contrib.layers.conv2d(images, 4, 3, stride=1, scope="c7s1")
        for i in range(2):
            h = res_block(h, 4, "res%d" % i)
        return tf.contrib.layers.conv2d(h, 3, 1, activation_fn=tf.nn.tanh, scope="out")


def cycle(a, b):
    return translator(a), translator(b, reuse=True)


PROBE = {"entry": "cycle", "inputs": {"a": "float32[2,6,6,3]", "b": "float32[2,6,6,3]"}}
