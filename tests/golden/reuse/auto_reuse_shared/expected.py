import tensorflow as tf


class TextEncoder(tf.Module):
    def __init__(self, name='text_encoder'):
        super().__init__(name=name)
        self.embedding = None
        self.projection = None

    @tf.Module.with_name_scope
    def __call__(self, token_ids, vocab_size=8, dim=4):
        if self.embedding is None:
            self.embedding = tf.Variable(tf.random_uniform_initializer(-0.1, 0.1)([vocab_size, dim], dtype=tf.float32), name="embedding")
        table = self.embedding
        if self.projection is None:
            self.projection = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([dim, dim], tf.float32), name="projection")
        proj = self.projection
        emb = tf.reduce_mean(tf.nn.embedding_lookup(table, token_ids), axis=1)
        return tf.matmul(emb, proj)


class MatchScore(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.text_encoder = TextEncoder()

    def __call__(self, query_ids, doc_ids):
        q = self.text_encoder(query_ids)
        d = self.text_encoder(doc_ids)
        return tf.reduce_sum(q * d, axis=1)
