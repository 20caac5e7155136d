import tensorflow as tf


class Tower(object):
    def __init__(self, width=6):
        self.width = width

    def __call__(self, x):
        h = tf.layers.dense(x, self.width, activation=tf.nn.relu, name="fc1")
        return tf.contrib.layers.fully_connected(h, 2, activation_fn=None, scope="out")


def two_towers(a, b):
    tower = Tower()
    with tf.variable_scope("left"):
        left = tower(a)
    with tf.variable_scope("right"):
        right = tower(b)
    with tf.variable_scope("left", reuse=True):
        again = tower(b)
    return left, right, again


PROBE = {"entry": "two_towers", "inputs": {"a": "float32[3,5]", "b": "float32[3,5]"}}
