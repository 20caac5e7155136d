import tensorflow as tf


class Tagger(object):
    """Batch norm as a layer object shared by a training graph (training=True, UPDATE_OPS) and an
    evaluation graph; the probe runs the training one."""

    def __init__(self, hidden=8):
        self.proj = tf.layers.Dense(hidden, activation=tf.nn.tanh, name="proj")
        self.norm = tf.layers.BatchNormalization(name="norm")
        self.out = tf.layers.Dense(3, name="out")

    def encode(self, x, training):
        return self.norm(self.proj(x), training=training)

    def train_graph(self, x):
        with tf.variable_scope("tagger"):
            return self.out(self.encode(x, True))

    def eval_graph(self, x):
        with tf.variable_scope("tagger", reuse=True):
            return tf.argmax(self.out(self.encode(x, False)), -1)


PROBE = {"entry": "Tagger.train_graph", "init_args": {"hidden": 8}, "inputs": {"x": "float32[4,5]"}}
