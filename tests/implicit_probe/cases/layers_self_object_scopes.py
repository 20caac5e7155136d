import tensorflow as tf


class Siamese(object):
    """One tower method run under two variable scopes: the layer objects keep the variables of
    their first call (left/...), the right tower uses them."""

    def __init__(self, width=6):
        self.embed = tf.layers.Dense(width, activation=tf.nn.tanh, name="embed")
        self.head = tf.layers.Dense(2, use_bias=False, name="head")

    def tower(self, x):
        return self.head(self.embed(x))

    def distance(self, left, right):
        with tf.variable_scope("left"):
            a = self.tower(left)
        with tf.variable_scope("right"):
            b = self.tower(right)
        return tf.reduce_sum(tf.square(a - b), axis=-1)


PROBE = {"entry": "Siamese.distance", "init_args": {"width": 6},
         "inputs": {"left": "float32[3,5]", "right": "float32[3,5]"}}
