import tensorflow as tf


class Embed(tf.Module):
    def __init__(self, name='embedding'):
        super().__init__(name=name)
        self.table = None

    @tf.Module.with_name_scope
    def __call__(self, ids, vocab_size, dim):
        if self.table is None:
            self.table = tf.Variable(tf.random_uniform_initializer(-0.05, 0.05)([vocab_size, dim], dtype=tf.float32), name="table")
        table = self.table
        return tf.nn.embedding_lookup(table, ids)


class Classifier(tf.Module):
    def __init__(self, name='classifier'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, h, num_classes):
        if self.w is None:
            self.w = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([h.get_shape()[-1], num_classes], tf.float32), name="w")
        w = self.w
        return tf.matmul(h, w)


class BuildModel(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.embedding = Embed()
        self.classifier = Classifier()

    def __call__(self, token_ids, vocab_size=10, dim=4, num_classes=3):
        emb = self.embedding(token_ids, vocab_size, dim)
        pooled = tf.reduce_mean(emb, axis=1)
        return self.classifier(pooled, num_classes)
