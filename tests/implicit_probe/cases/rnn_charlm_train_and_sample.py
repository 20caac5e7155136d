import tensorflow as tf


class CharLM(object):
    def __init__(self, vocab_size=7, hidden=8, layers=2):
        self.vocab_size = vocab_size
        self.hidden = hidden
        cells = [tf.nn.rnn_cell.GRUCell(hidden) for _ in range(layers)]
        self.cell = tf.nn.rnn_cell.MultiRNNCell(cells)

    def logits(self, tokens, initial_state=None, reuse=False):
        with tf.variable_scope("rnnlm", reuse=reuse):
            embedding = tf.get_variable("embedding", [self.vocab_size, self.hidden])
            inputs = tf.nn.embedding_lookup(embedding, tokens)
            if initial_state is None:
                initial_state = self.cell.zero_state(tf.shape(tokens)[0], tf.float32)
            outputs, state = tf.nn.dynamic_rnn(self.cell, inputs, initial_state=initial_state)
            softmax_w = tf.get_variable("softmax_w", [self.hidden, self.vocab_size])
            softmax_b = tf.get_variable("softmax_b", [self.vocab_size])
            flat = tf.reshape(outputs, [-1, self.hidden])
            return tf.matmul(flat, softmax_w) + softmax_b, state

    def build(self, tokens, prime):
        train_logits, _ = self.logits(tokens)
        sample_logits, _ = self.logits(prime, reuse=True)
        return train_logits, tf.nn.softmax(sample_logits)


PROBE = {"entry": "CharLM.build", "init_args": {"vocab_size": 7, "hidden": 8},
         "inputs": {"tokens": "int32[2,5]", "prime": "int32[1,1]"}}
