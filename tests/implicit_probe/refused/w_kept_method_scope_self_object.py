# Probe program kept out of cases/ (not migrated as a whole): W's 1b: kept TF1 (lambda get_variable); its variable_scope('s') around self.dense(x) was made a name_scope (WRONG names s/dense -> dense); now kept.
import tensorflow as tf


class Tagger(object):
    def __init__(self):
        self.dense = tf.layers.Dense(8)

    def logits(self, x):
        with tf.variable_scope("s"):
            return self.dense(x)

    def other(self, x):
        make = lambda: tf.get_variable("scale", [8], initializer=tf.ones_initializer())
        return self.logits(x) * make()


PROBE = {"entry": "Tagger.other", "inputs": {"x": "float32[2,5]"}}
