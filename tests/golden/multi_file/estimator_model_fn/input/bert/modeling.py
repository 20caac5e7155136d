import tensorflow as tf


class BertConfig(object):
    def __init__(self, vocab_size=20, hidden_size=8):
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size


class BertModel(object):
    def __init__(self, config, is_training, input_ids, scope=None):
        with tf.variable_scope(scope, default_name="bert"):
            with tf.variable_scope("embeddings"):
                table = tf.get_variable("word_embeddings", [config.vocab_size, config.hidden_size],
                                        initializer=tf.truncated_normal_initializer(stddev=0.02))
                self.embedding_output = tf.nn.embedding_lookup(table, input_ids)
            with tf.variable_scope("pooler"):
                first = tf.squeeze(self.embedding_output[:, 0:1, :], axis=1)
                w = tf.get_variable("kernel", [config.hidden_size, config.hidden_size])
                self.pooled_output = tf.tanh(tf.matmul(first, w))

    def get_pooled_output(self):
        return self.pooled_output
