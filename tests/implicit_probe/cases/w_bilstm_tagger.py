import tensorflow as tf


def bilstm_tagger(embedded, lengths, hidden=5, num_tags=4):
    with tf.variable_scope("bilstm"):
        cell_fw = tf.nn.rnn_cell.LSTMCell(hidden)
        cell_bw = tf.nn.rnn_cell.LSTMCell(hidden)
        (out_fw, out_bw), _ = tf.nn.bidirectional_dynamic_rnn(
            cell_fw, cell_bw, embedded, sequence_length=lengths, dtype=tf.float32)
        output = tf.concat([out_fw, out_bw], axis=-1)
    with tf.variable_scope("proj"):
        return tf.layers.dense(output, num_tags)


PROBE = {"entry": "bilstm_tagger", "inputs": {"embedded": "float32[2,4,3]", "lengths": "int32[2]"}}
