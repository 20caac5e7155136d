import tensorflow as tf
from tensorflow.contrib import legacy_seq2seq
from tensorflow.contrib import rnn


def build(input_data, num_layers=2, rnn_size=8, vocab_size=11, seq_length=4):
    cells = []
    for _ in range(num_layers):
        cells.append(rnn.BasicLSTMCell(rnn_size))
    cell = rnn.MultiRNNCell(cells, state_is_tuple=True)
    initial_state = cell.zero_state(3, tf.float32)
    with tf.variable_scope("rnnlm"):
        softmax_w = tf.get_variable("softmax_w", [rnn_size, vocab_size])
        softmax_b = tf.get_variable("softmax_b", [vocab_size])
    embedding = tf.get_variable("embedding", [vocab_size, rnn_size])
    inputs = tf.nn.embedding_lookup(embedding, input_data)
    inputs = tf.split(inputs, seq_length, 1)
    inputs = [tf.squeeze(input_, [1]) for input_ in inputs]
    outputs, last_state = legacy_seq2seq.rnn_decoder(inputs, initial_state, cell)
    output = tf.reshape(tf.concat(outputs, 1), [-1, rnn_size])
    logits = tf.matmul(output, softmax_w) + softmax_b
    return tf.nn.softmax(logits), last_state


PROBE = {"entry": "build", "inputs": {"input_data": "int32[3,4]"}}
