import tensorflow as tf


class SiameseMatcher(object):
    """Two towers sharing unnamed layer objects: TF1 named them dense, dense_1 at their first call."""

    def __init__(self, hidden=8):
        self.embed = tf.layers.Dense(hidden, activation=tf.nn.tanh)
        self.norm = tf.layers.BatchNormalization(epsilon=1e-5)
        self.score = tf.layers.Dense(1)

    def match(self, left, right):
        with tf.variable_scope("matcher"):
            left_code = self.norm(self.embed(left), training=False)
            right_code = self.norm(self.embed(right), training=False)
            return self.score(tf.abs(left_code - right_code))


def match_pairs(anchor, positive, negative):
    matcher = SiameseMatcher()
    with tf.variable_scope("siamese", reuse=tf.AUTO_REUSE):
        return matcher.match(anchor, positive), matcher.match(anchor, negative)
