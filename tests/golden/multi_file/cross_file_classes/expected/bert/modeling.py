import tensorflow as tf
from tf2_migrate_support import (
    _tf1_glorot_uniform_initializer,
    _tf1_scope,
    _tf1_truncated_normal_initializer,
)


class EmbeddingLookup(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.word_embedding_name = {}

    def __call__(self, input_ids, vocab_size, embedding_size=8, word_embedding_name="word_embeddings"):
        if word_embedding_name not in self.word_embedding_name:
            self.word_embedding_name[word_embedding_name] = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([vocab_size, embedding_size], dtype=tf.float32), name=word_embedding_name)
        embedding_table = self.word_embedding_name[word_embedding_name]
        output = tf.nn.embedding_lookup(embedding_table, input_ids)
        return output, embedding_table


class DenseLayer(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.kernel = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, units):
        if self.kernel is None:
            self.kernel = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], units], tf.float32), name="kernel")
        w = self.kernel
        if self.bias is None:
            self.bias = tf.Variable(tf.zeros_initializer()([units], dtype=tf.float32), name="bias")
        b = self.bias
        return tf.matmul(x, w) + b


class TinyBertModelInit(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'bert')
        self.embeddings_embedding_lookup = None
        self.pooler_dense = None

    @tf.Module.with_name_scope
    def __call__(self, owner, vocab_size, input_ids, hidden_size=8):
        owner.hidden_size = hidden_size
        with _tf1_scope("embeddings"):
            if self.embeddings_embedding_lookup is None:
                with tf.init_scope():
                    self.embeddings_embedding_lookup = EmbeddingLookup()
            (owner.embedding_output, owner.embedding_table) = self.embeddings_embedding_lookup(
                input_ids, vocab_size, hidden_size)
        with _tf1_scope("pooler"):
            first = owner.embedding_output[:, 0, :]
            if self.pooler_dense is None:
                with tf.init_scope():
                    self.pooler_dense = DenseLayer(name="dense")
            owner.pooled_output = tf.tanh(self.pooler_dense(first, hidden_size))


class TinyBertModel(tf.Module):
    def __init__(self, vocab_size, input_ids, hidden_size=8, scope=None):
        if '_constructor_module' not in self.__dict__:
            super().__init__()
            self._constructor_module = {}
        current_scope = tf.get_current_name_scope()
        key = f"{current_scope}:{scope}"
        if key not in self._constructor_module:
            self._constructor_module[key] = TinyBertModelInit(name=scope)
        self._constructor_module[key](self, vocab_size, input_ids, hidden_size)

    def get_pooled_output(self):
        return self.pooled_output

    def get_embedding_table(self):
        return self.embedding_table

