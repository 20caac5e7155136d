import tensorflow as tf


class EmbeddingSharedWeights(tf.layers.Layer):
    def __init__(self, vocab_size, hidden_size):
        super(EmbeddingSharedWeights, self).__init__()
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size

    def build(self, _):
        with tf.variable_scope("embedding_and_softmax", reuse=tf.AUTO_REUSE):
            self.shared_weights = tf.get_variable(
                "weights", [self.vocab_size, self.hidden_size],
                initializer=tf.random_normal_initializer(0., self.hidden_size ** -0.5))
        self.built = True

    def call(self, x):
        embeddings = tf.gather(self.shared_weights, x)
        return embeddings * self.hidden_size ** 0.5

    def linear(self, x):
        batch_size = tf.shape(x)[0]
        length = tf.shape(x)[1]
        x = tf.reshape(x, [-1, self.hidden_size])
        logits = tf.matmul(x, self.shared_weights, transpose_b=True)
        return tf.reshape(logits, [batch_size, length, self.vocab_size])
