import tensorflow as tf


class Decoder(object):
    def __init__(self, vocab=5):
        self.proj = tf.layers.Dense(vocab, name="proj")

    def __call__(self, states):
        with tf.variable_scope("decoder"):
            logits = []
            for t in range(3):
                logits.append(self.proj(states[:, t]))
            return tf.stack(logits, axis=1)


def decode(states):
    return Decoder()(states)


PROBE = {"entry": "decode", "inputs": {"states": "float32[2,3,4]"}}
