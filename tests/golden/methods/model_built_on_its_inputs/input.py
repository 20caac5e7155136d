import tensorflow as tf


def encoder(inp_k, n_token, d_model, initializer, scope="transformer"):
    with tf.variable_scope(scope):
        table = tf.get_variable("lookup_table", [n_token, d_model], initializer=initializer)
        h = tf.nn.embedding_lookup(table, inp_k)
        w = tf.get_variable("w", [d_model, d_model], initializer=initializer)
        return tf.tanh(tf.einsum("ibd,de->ibe", h, w)), table


def summarize(hidden, d_model, initializer, scope=None):
    with tf.variable_scope(scope, "sequence_summary"):
        summary = hidden[-1]
        w = tf.get_variable("w", [d_model, d_model], initializer=initializer)
        return tf.matmul(summary, w)


class EncoderModel(object):
    """XLNet's shape: the constructor runs the network on its input tensors under scope
    "model"; a method adds the pooling head under the same scope, both with AUTO_REUSE."""

    def __init__(self, config, input_ids):
        initializer = tf.initializers.random_normal(stddev=0.02)
        tfm_args = dict(n_token=config["n_token"], d_model=config["d_model"], initializer=initializer)
        input_args = dict(inp_k=input_ids)
        tfm_args.update(input_args)

        with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
            self.output, self.lookup_table = encoder(**tfm_args)
        self.config = config
        self.initializer = initializer

    def get_pooled_out(self, use_proj=True):
        with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
            return summarize(self.output, self.config["d_model"], self.initializer)

    def get_embedding_table(self):
        return self.lookup_table
