import tensorflow as tf


class CharRNN(object):
    """A char-level LM: the cell is built in __init__ and unrolled by hand in __call__."""

    def __init__(self, vocab_size=6, hidden=8, num_layers=2):
        self.vocab_size = vocab_size
        self.cell = tf.nn.rnn_cell.MultiRNNCell(
            [tf.nn.rnn_cell.BasicLSTMCell(hidden) for _ in range(num_layers)])

    def __call__(self, inputs):
        batch_size = inputs.shape[0]
        state = self.cell.zero_state(batch_size, tf.float32)
        logits = []
        with tf.variable_scope("char_rnn"):
            for t in range(inputs.shape[1]):
                if t > 0:
                    tf.get_variable_scope().reuse_variables()
                output, state = self.cell(inputs[:, t, :], state)
                logits.append(tf.layers.dense(output, self.vocab_size, name="softmax"))
        return tf.stack(logits, axis=1), state


class Encoder(object):
    def __init__(self, hidden):
        self._cell = tf.nn.rnn_cell.GRUCell(hidden)

    def encode(self, x, lengths):
        with tf.variable_scope("encoder"):
            return tf.nn.dynamic_rnn(self._cell, x, sequence_length=lengths, dtype=tf.float32)


def build(inputs, lengths):
    logits, _ = CharRNN()(inputs)
    outputs, state = Encoder(5).encode(inputs, lengths)
    return logits, outputs, state
