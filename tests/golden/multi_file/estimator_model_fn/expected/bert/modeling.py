import tensorflow as tf
from tf2_migrate_support import (
    _tf1_glorot_uniform_initializer,
    _tf1_scope,
    _tf1_truncated_normal_initializer,
)


class BertConfig(object):
    def __init__(self, vocab_size=20, hidden_size=8):
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size


class BertModelInit(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'bert')
        self.embeddings_word_embeddings = None
        self.pooler_kernel = None

    @tf.Module.with_name_scope
    def __call__(self, owner, config, is_training, input_ids):
        with _tf1_scope("embeddings"):
            if self.embeddings_word_embeddings is None:
                self.embeddings_word_embeddings = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([config.vocab_size, config.hidden_size], dtype=tf.float32), name="word_embeddings")
            table = self.embeddings_word_embeddings
            owner.embedding_output = tf.nn.embedding_lookup(table, input_ids)
        with _tf1_scope("pooler"):
            first = tf.squeeze(owner.embedding_output[:, 0:1, :], axis=1)
            if self.pooler_kernel is None:
                self.pooler_kernel = tf.Variable(_tf1_glorot_uniform_initializer()([config.hidden_size, config.hidden_size], tf.float32), name="kernel")
            w = self.pooler_kernel
            owner.pooled_output = tf.tanh(tf.matmul(first, w))


class BertModel(tf.Module):
    def __init__(self, config, is_training, input_ids, scope=None):
        if '_constructor_module' not in self.__dict__:
            super().__init__()
            self._constructor_module = {}
        current_scope = tf.get_current_name_scope()
        key = f"{current_scope}:{scope}"
        if key not in self._constructor_module:
            self._constructor_module[key] = BertModelInit(name=scope)
        self._constructor_module[key](self, config, is_training, input_ids)

    def get_pooled_output(self):
        return self.pooled_output
