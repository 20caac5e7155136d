import tensorflow as tf


def tagger(embedded, lengths, hidden=4):
    with tf.variable_scope("bilstm"):
        fw = tf.contrib.rnn.BasicLSTMCell(hidden)
        bw = tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.LSTMCell(hidden, use_peepholes=True),
                                           output_keep_prob=1.0)
        (out_fw, out_bw), _ = tf.nn.bidirectional_dynamic_rnn(fw, bw, embedded, sequence_length=lengths,
                                                              dtype=tf.float32)
        h = tf.concat([out_fw, out_bw], axis=-1)
    with tf.variable_scope("static"):
        cell = tf.nn.rnn_cell.ResidualWrapper(tf.nn.rnn_cell.BasicRNNCell(2 * hidden))
        steps = tf.unstack(h, axis=1)
        outs, _ = tf.nn.static_rnn(cell, steps, dtype=tf.float32)
    return tf.layers.dense(tf.stack(outs, axis=1), 3, name="crf_logits")


PROBE = {"entry": "tagger", "inputs": {"embedded": "float32[2,4,3]", "lengths": "int32[2]"}}
