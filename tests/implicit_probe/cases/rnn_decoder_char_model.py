import tensorflow as tf
from tensorflow.contrib import legacy_seq2seq
from tensorflow.contrib import rnn


class CharModel(object):
    """char-rnn's layout: cells and a MultiRNNCell built in the graph method, softmax weights by
    get_variable under variable_scope('rnnlm'), the cell run by legacy_seq2seq.rnn_decoder over
    the split inputs in the same scope."""

    def __init__(self, rnn_size=8, num_layers=2, vocab_size=11, seq_length=4, batch_size=3):
        self.rnn_size = rnn_size
        self.num_layers = num_layers
        self.vocab_size = vocab_size
        self.seq_length = seq_length
        self.batch_size = batch_size

    def logits(self, input_data):
        cells = []
        for _ in range(self.num_layers):
            cell = rnn.GRUCell(self.rnn_size)
            cell = rnn.DropoutWrapper(cell, output_keep_prob=1.0)
            cells.append(cell)
        cell = rnn.MultiRNNCell(cells, state_is_tuple=True)
        initial_state = cell.zero_state(self.batch_size, tf.float32)
        with tf.variable_scope("rnnlm"):
            softmax_w = tf.get_variable("softmax_w", [self.rnn_size, self.vocab_size])
            softmax_b = tf.get_variable("softmax_b", [self.vocab_size])
            embedding = tf.get_variable("embedding", [self.vocab_size, self.rnn_size])
        inputs = tf.nn.embedding_lookup(embedding, input_data)
        inputs = tf.split(inputs, self.seq_length, 1)
        inputs = [tf.squeeze(input_, [1]) for input_ in inputs]
        outputs, last_state = legacy_seq2seq.rnn_decoder(inputs, initial_state, cell, scope="rnnlm")
        output = tf.reshape(tf.concat(outputs, 1), [-1, self.rnn_size])
        return tf.matmul(output, softmax_w) + softmax_b, last_state


PROBE = {"entry": "CharModel.logits", "init_args": {"rnn_size": 8}, "inputs": {"input_data": "int32[3,4]"}}
