import tensorflow as tf


def shared_embedding(ids, vocab_size=9, dim=4):
    with tf.variable_scope("shared_embedding", reuse=tf.AUTO_REUSE):
        table = tf.get_variable("table", [vocab_size, dim])
        return tf.nn.embedding_lookup(table, ids)


def encode_decode(source_ids, target_ids):
    # different parents: encoder/shared_embedding/table and
    # decoder/shared_embedding/table are TWO variables
    with tf.variable_scope("encoder"):
        src = shared_embedding(source_ids)
    with tf.variable_scope("decoder"):
        tgt = shared_embedding(target_ids)
        tgt_again = shared_embedding(target_ids)   # same parent: shared
    return tf.reduce_sum(src, 1), tf.reduce_sum(tgt + tgt_again, 1)
