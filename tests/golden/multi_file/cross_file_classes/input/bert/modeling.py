import tensorflow as tf


def embedding_lookup(input_ids, vocab_size, embedding_size=8, word_embedding_name="word_embeddings"):
    embedding_table = tf.get_variable(
        name=word_embedding_name, shape=[vocab_size, embedding_size],
        initializer=tf.truncated_normal_initializer(stddev=0.02))
    output = tf.nn.embedding_lookup(embedding_table, input_ids)
    return output, embedding_table


def dense_layer(x, units, name):
    with tf.variable_scope(name):
        w = tf.get_variable("kernel", [x.shape[-1], units])
        b = tf.get_variable("bias", [units], initializer=tf.zeros_initializer())
        return tf.matmul(x, w) + b


class TinyBertModel(object):
    def __init__(self, vocab_size, input_ids, hidden_size=8, scope=None):
        self.hidden_size = hidden_size
        with tf.variable_scope(scope, default_name="bert"):
            with tf.variable_scope("embeddings"):
                (self.embedding_output, self.embedding_table) = embedding_lookup(
                    input_ids, vocab_size, hidden_size)
            with tf.variable_scope("pooler"):
                first = self.embedding_output[:, 0, :]
                self.pooled_output = tf.tanh(dense_layer(first, hidden_size, "dense"))

    def get_pooled_output(self):
        return self.pooled_output

    def get_embedding_table(self):
        return self.embedding_table

