"""RNN cells kept on `self` for the whole class: a seq2seq whose encoder and decoder methods
run one LSTM cell (the decoder re-enters the encoder's scope with reuse=True), and a char-rnn
style language model whose MultiRNNCell, built in __init__ from a list of GRU cells, runs in a
training graph and again in a sampling graph (reuse=True)."""
import tensorflow as tf


class Seq2Seq(object):
    def __init__(self, units=6):
        self.units = units
        self.cell = tf.nn.rnn_cell.LSTMCell(units)

    def encode(self, x):
        with tf.variable_scope("encoder"):
            outputs, state = tf.nn.dynamic_rnn(self.cell, x, dtype=tf.float32)
        return outputs, state

    def decode(self, y, state):
        with tf.variable_scope("encoder", reuse=True):
            outputs, _ = tf.nn.dynamic_rnn(self.cell, y, initial_state=state)
        with tf.variable_scope("decoder"):
            return tf.layers.dense(outputs, 2, name="readout")


class CharLM(object):
    def __init__(self, vocab_size=7, hidden=8, layers=2):
        self.vocab_size = vocab_size
        self.hidden = hidden
        cells = [tf.nn.rnn_cell.GRUCell(hidden) for _ in range(layers)]
        self.cell = cell = tf.nn.rnn_cell.MultiRNNCell(cells)
        self.state_sizes = cell.state_size

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


def build(x, y, tokens, prime):
    model = Seq2Seq(6)
    encoded, state = model.encode(x)
    decoded = model.decode(y, state)
    lm = CharLM()
    train_logits, _ = lm.logits(tokens)
    sample_logits, _ = lm.logits(prime, reuse=True)
    return encoded, decoded, train_logits, tf.nn.softmax(sample_logits)
