import tensorflow as tf


class SharedEmbedding(tf.Module):
    def __init__(self, name='shared_embedding'):
        super().__init__(name=name)
        self.table = None

    @tf.Module.with_name_scope
    def __call__(self, ids, vocab_size=9, dim=4):
        if self.table is None:
            self.table = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([vocab_size, dim], tf.float32), name="table")
        table = self.table
        return tf.nn.embedding_lookup(table, ids)


class EncodeDecode(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.encoder_shared_embedding = None
        self.decoder_shared_embedding = None

    def __call__(self, source_ids, target_ids):
        # different parents: encoder/shared_embedding/table and
        # decoder/shared_embedding/table are TWO variables
        with tf.name_scope("encoder"):
            if self.encoder_shared_embedding is None:
                self.encoder_shared_embedding = SharedEmbedding()
            src = self.encoder_shared_embedding(source_ids)
        with tf.name_scope("decoder"):
            if self.decoder_shared_embedding is None:
                self.decoder_shared_embedding = SharedEmbedding()
            tgt = self.decoder_shared_embedding(target_ids)
            tgt_again = self.decoder_shared_embedding(target_ids)   # same parent: shared
        return tf.reduce_sum(src, 1), tf.reduce_sum(tgt + tgt_again, 1)
