import tensorflow as tf


def add_logits(word_embeddings, sequence_lengths, hidden_size=5, ntags=4):
    with tf.variable_scope("bi-lstm"):
        cell_fw = tf.contrib.rnn.LSTMCell(hidden_size)
        cell_bw = tf.contrib.rnn.LSTMCell(hidden_size)
        (output_fw, output_bw), _ = tf.nn.bidirectional_dynamic_rnn(
            cell_fw, cell_bw, word_embeddings,
            sequence_length=sequence_lengths, dtype=tf.float32)
        output = tf.concat([output_fw, output_bw], axis=-1)

    with tf.variable_scope("proj"):
        W = tf.get_variable("W", dtype=tf.float32, shape=[2 * hidden_size, ntags])
        b = tf.get_variable("b", shape=[ntags], dtype=tf.float32,
                            initializer=tf.zeros_initializer())
        nsteps = tf.shape(output)[1]
        output = tf.reshape(output, [-1, 2 * hidden_size])
        pred = tf.matmul(output, W) + b
        return tf.reshape(pred, [-1, nsteps, ntags])
