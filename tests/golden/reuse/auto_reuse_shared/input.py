import tensorflow as tf


def text_encoder(token_ids, vocab_size=8, dim=4):
    with tf.variable_scope("text_encoder", reuse=tf.AUTO_REUSE):
        table = tf.get_variable("embedding", [vocab_size, dim],
                                initializer=tf.random_uniform_initializer(-0.1, 0.1))
        proj = tf.get_variable("projection", [dim, dim])
        emb = tf.reduce_mean(tf.nn.embedding_lookup(table, token_ids), axis=1)
        return tf.matmul(emb, proj)


def match_score(query_ids, doc_ids):
    q = text_encoder(query_ids)
    d = text_encoder(doc_ids)
    return tf.reduce_sum(q * d, axis=1)
