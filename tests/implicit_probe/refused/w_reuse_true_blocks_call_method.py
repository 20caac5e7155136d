# Probe program kept out of cases/ (not migrated as a whole): refused (unsupported-scope): as w_auto_reuse_blocks_call_method with reuse=True.
import tensorflow as tf


class Model(object):
    def net(self, x):
        return tf.layers.dense(x, 4, name="fc")

    def left(self, x):
        with tf.variable_scope("enc"):
            return self.net(x)

    def right(self, x):
        with tf.variable_scope("enc", reuse=True):
            return self.net(x)

    def build(self, x, y):
        return self.left(x), self.right(y)


PROBE = {"entry": "Model.build", "inputs": {"x": "float32[2,3]", "y": "float32[3,3]"}}
