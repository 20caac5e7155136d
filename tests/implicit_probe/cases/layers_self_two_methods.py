import tensorflow as tf


class AutoEncoder(object):
    def __init__(self, code=4):
        self.enc = tf.layers.Dense(code, activation=tf.nn.relu, name="enc")
        self.dec = tf.layers.Dense(5, name="dec")

    def encode(self, x):
        return self.enc(x)

    def decode(self, z):
        return self.dec(z)

    def build(self, x):
        with tf.variable_scope("ae"):
            z = self.encode(x)
            return self.decode(z), self.encode(self.decode(z))


PROBE = {"entry": "AutoEncoder.build", "init_args": {"code": 4}, "inputs": {"x": "float32[3,5]"}}
