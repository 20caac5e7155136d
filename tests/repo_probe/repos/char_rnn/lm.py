import tensorflow as tf


def char_lm(input_ids, vocab_size, rnn_size=6, num_layers=2, reuse=False):
    """The dynamic_rnn flavour of the char model (forks that dropped legacy_seq2seq)."""
    with tf.variable_scope('char_lm', reuse=reuse):
        cells = [tf.nn.rnn_cell.BasicLSTMCell(rnn_size) for _ in range(num_layers)]
        cell = tf.nn.rnn_cell.MultiRNNCell(cells, state_is_tuple=True)
        embedding = tf.get_variable('embedding', [vocab_size, rnn_size])
        inputs = tf.nn.embedding_lookup(embedding, input_ids)
        outputs, last_state = tf.nn.dynamic_rnn(cell, inputs, dtype=tf.float32, scope='rnn')
        with tf.variable_scope('rnnlm'):
            softmax_w = tf.get_variable('softmax_w', [rnn_size, vocab_size])
            softmax_b = tf.get_variable('softmax_b', [vocab_size])
        logits = tf.tensordot(outputs, softmax_w, 1) + softmax_b
        return logits, last_state[-1].h
