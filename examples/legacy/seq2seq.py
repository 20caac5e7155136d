"""Small GRU encoder-decoder with a shared embedding matrix (TF1 graph code).

Entry point: ``build_seq2seq(source_ids, target_ids, vocab_size=12, embed_dim=6, num_units=8)``
Inputs:
    source_ids  int32[2,5]  source token ids (< vocab_size)
    target_ids  int32[2,4]  target token ids (< vocab_size)

TF1 graph code. The embedding matrix is created once and passed as a tensor
to both the encoder and the decoder; the output projection is tied to it.
The positional tables use ``reuse=tf.AUTO_REUSE`` under the ``encoder`` and
``decoder`` scopes, which gives TWO separate variables, not one. The GRU cell
is unrolled by hand and shares weights across time with
``tf.get_variable_scope().reuse_variables()``.
"""
import tensorflow as tf


def embedding_matrix(vocab_size, embed_dim, scope="embedding"):
    with tf.variable_scope(scope):
        return tf.get_variable(
            "weights", [vocab_size, embed_dim],
            initializer=tf.random_uniform_initializer(-0.1, 0.1))


def position_table(max_len, dim):
    with tf.variable_scope("shared_embedding", reuse=tf.AUTO_REUSE):
        return tf.get_variable("table", [max_len, dim],
                               initializer=tf.truncated_normal_initializer(stddev=0.02))


def gru_cell(x, h, num_units, scope=None):
    input_dim = x.get_shape()[-1].value
    with tf.variable_scope(scope or "gru_cell"):
        with tf.variable_scope("gates"):
            w_g = tf.get_variable("kernel", [input_dim + num_units, 2 * num_units])
            b_g = tf.get_variable("bias", [2 * num_units],
                                  initializer=tf.constant_initializer(1.0))
        with tf.variable_scope("candidate"):
            w_c = tf.get_variable("kernel", [input_dim + num_units, num_units])
            b_c = tf.get_variable("bias", [num_units],
                                  initializer=tf.zeros_initializer())
        gates = tf.sigmoid(tf.matmul(tf.concat([x, h], 1), w_g) + b_g)
        r, u = tf.split(gates, 2, axis=1)
        c = tf.tanh(tf.matmul(tf.concat([x, r * h], 1), w_c) + b_c)
        return u * h + (1 - u) * c


def encoder(source_ids, embedding, num_units):
    with tf.variable_scope("encoder"):
        emb = tf.nn.embedding_lookup(embedding, source_ids)
        seq_len = source_ids.get_shape()[1].value
        emb += position_table(seq_len, embedding.get_shape()[-1].value)[None]
        inputs = tf.unstack(emb, axis=1)
        state = tf.zeros([tf.shape(source_ids)[0], num_units])
        outputs = []
        for t, x in enumerate(inputs):
            if t > 0:
                tf.get_variable_scope().reuse_variables()
            state = gru_cell(x, state, num_units)
            outputs.append(state)
        return tf.stack(outputs, axis=1), state


def decoder(target_ids, initial_state, embedding, num_units):
    with tf.variable_scope("decoder"):
        emb = tf.nn.embedding_lookup(embedding, target_ids)
        seq_len = target_ids.get_shape()[1].value
        emb += position_table(seq_len, embedding.get_shape()[-1].value)[None]
        state = initial_state
        logits = []
        for t, x in enumerate(tf.unstack(emb, axis=1)):
            with tf.variable_scope("step", reuse=(t > 0)):
                state = gru_cell(x, state, num_units, scope="cell")
                proj = tf.get_variable("output_projection",
                                       [num_units, embedding.get_shape()[-1].value])
            logits.append(tf.matmul(tf.matmul(state, proj), embedding, transpose_b=True))
        return tf.stack(logits, axis=1)


def build_seq2seq(source_ids, target_ids, vocab_size=12, embed_dim=6, num_units=8):
    embedding = embedding_matrix(vocab_size, embed_dim)
    _, final_state = encoder(source_ids, embedding, num_units)
    logits = decoder(target_ids, final_state, embedding, num_units)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=target_ids, logits=logits))
    return logits, loss
