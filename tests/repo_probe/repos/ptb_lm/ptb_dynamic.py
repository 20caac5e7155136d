"""The same LM with tf.nn.dynamic_rnn (the variant many forks use): cells built in __init__, no
training op in the model (the trainer builds it)."""
import tensorflow as tf


class PTBDynamicModel(object):
    def __init__(self, is_training, config, input_data):
        size = config.hidden_size
        vocab_size = config.vocab_size
        embedding = tf.get_variable("embedding", [vocab_size, size], dtype=tf.float32)
        inputs = tf.nn.embedding_lookup(embedding, input_data)
        cell = tf.nn.rnn_cell.MultiRNNCell(
            [tf.nn.rnn_cell.BasicLSTMCell(size, forget_bias=0.0) for _ in range(config.num_layers)])
        self.initial_state = cell.zero_state(config.batch_size, tf.float32)
        outputs, state = tf.nn.dynamic_rnn(cell, inputs, initial_state=self.initial_state)
        output = tf.reshape(outputs, [-1, size])
        softmax_w = tf.get_variable("softmax_w", [size, vocab_size], dtype=tf.float32)
        softmax_b = tf.get_variable("softmax_b", [vocab_size], dtype=tf.float32)
        self.logits = tf.reshape(tf.nn.xw_plus_b(output, softmax_w, softmax_b),
                                 [config.batch_size, config.num_steps, vocab_size])
        self.final_state = state
