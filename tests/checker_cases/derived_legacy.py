import tensorflow as tf


class LM(object):
    def __init__(self, vocab, units):
        with tf.variable_scope("shared"):
            table = tf.get_variable("table", [vocab, units], initializer=tf.ones_initializer())
        self.embeddings = tf.concat((tf.zeros([1, units]), table[1:, :]), 0)

    def logits(self, ids):
        with tf.variable_scope("out"):
            h = tf.nn.embedding_lookup(self.embeddings, ids)
            return tf.matmul(h, tf.transpose(self.embeddings))
