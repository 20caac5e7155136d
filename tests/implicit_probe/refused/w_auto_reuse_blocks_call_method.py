# Probe program kept out of cases/ (not migrated as a whole): was WRONG under tf.function (enc_1/fc); now refused (unsupported-scope, cross_function_reuse.check_owner_call_in_shared_scope).
import tensorflow as tf


class Model(object):
    def net(self, x):
        return tf.layers.dense(x, 4, name="fc")

    def left(self, x):
        with tf.variable_scope("enc", reuse=tf.AUTO_REUSE):
            return self.net(x)

    def right(self, x):
        with tf.variable_scope("enc", reuse=tf.AUTO_REUSE):
            return self.net(x)

    def build(self, x, y):
        return self.left(x), self.right(y)


PROBE = {"entry": "Model.build", "inputs": {"x": "float32[2,3]", "y": "float32[3,3]"}}
