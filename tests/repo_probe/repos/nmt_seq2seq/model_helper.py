"""Cell and embedding helpers in the style of the TF NMT tutorial."""
import tensorflow as tf


def create_emb_for_encoder_and_decoder(src_vocab_size, tgt_vocab_size, src_embed_size,
                                       tgt_embed_size, dtype=tf.float32, scope=None):
    with tf.variable_scope(scope or "embeddings", dtype=dtype):
        with tf.variable_scope("encoder"):
            embedding_encoder = tf.get_variable("embedding_encoder", [src_vocab_size, src_embed_size], dtype)
        with tf.variable_scope("decoder"):
            embedding_decoder = tf.get_variable("embedding_decoder", [tgt_vocab_size, tgt_embed_size], dtype)
    return embedding_encoder, embedding_decoder


def _single_cell(unit_type, num_units, forget_bias, dropout, mode):
    dropout = dropout if mode == "train" else 0.0
    if unit_type == "lstm":
        single_cell = tf.nn.rnn_cell.BasicLSTMCell(num_units, forget_bias=forget_bias)
    elif unit_type == "gru":
        single_cell = tf.nn.rnn_cell.GRUCell(num_units)
    else:
        raise ValueError("Unknown unit type %s!" % unit_type)
    if dropout > 0.0:
        single_cell = tf.nn.rnn_cell.DropoutWrapper(cell=single_cell, input_keep_prob=(1.0 - dropout))
    return single_cell


def create_rnn_cell(unit_type, num_units, num_layers, forget_bias, dropout, mode):
    cell_list = [_single_cell(unit_type, num_units, forget_bias, dropout, mode) for _ in range(num_layers)]
    if len(cell_list) == 1:
        return cell_list[0]
    return tf.nn.rnn_cell.MultiRNNCell(cell_list)
