import tensorflow as tf

from encoder import encode
from decoder import decode


def embed(ids, vocab_size, dim, name='embedding'):
    with tf.variable_scope(name):
        table = tf.get_variable('table', [vocab_size, dim],
                                initializer=tf.random_uniform_initializer(-0.1, 0.1))
        return tf.nn.embedding_lookup(table, ids)


def seq2seq(source, target, vocab_size=7, dim=6, num_units=5):
    with tf.variable_scope('seq2seq'):
        src = embed(source, vocab_size, dim, name='src_embedding')
        tgt = embed(target, vocab_size, dim, name='tgt_embedding')
        _, state = encode(src, num_units)
        return decode(tgt, state, num_units, vocab_size)
