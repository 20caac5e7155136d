import tensorflow as tf


class AE(object):
    def encode(self, x, reuse=False):
        with tf.variable_scope("enc", reuse=reuse):
            h = tf.layers.dense(x, 5, activation=tf.nn.elu, name="h")
            return tf.contrib.layers.layer_norm(h, scope="ln")

    def build(self, x, y):
        return self.encode(x), self.encode(y, reuse=True)


PROBE = {"entry": "AE.build", "inputs": {"x": "float32[2,3]", "y": "float32[3,3]"}}
