import tensorflow as tf


def get_token_embeddings(vocab_size, num_units, zero_pad=True):
    with tf.variable_scope("shared_weight_matrix"):
        embeddings = tf.get_variable("weight_mat", dtype=tf.float32, shape=(vocab_size, num_units),
                                     initializer=tf.contrib.layers.xavier_initializer())
        if zero_pad:
            embeddings = tf.concat((tf.zeros(shape=[1, num_units]), embeddings[1:, :]), 0)
    return embeddings


class LanguageModel:
    """The decoder shares its output projection with the zero-padded embedding table."""

    def __init__(self, vocab_size, d_model):
        self.d_model = d_model
        self.embeddings = get_token_embeddings(vocab_size, d_model, zero_pad=True)

    def logits(self, ids):
        with tf.variable_scope("decoder", reuse=tf.AUTO_REUSE):
            h = tf.nn.embedding_lookup(self.embeddings, ids) * self.d_model ** 0.5
            h = tf.layers.dense(h, self.d_model, activation=tf.tanh)
            return tf.einsum("ntd,dk->ntk", h, tf.transpose(self.embeddings))
