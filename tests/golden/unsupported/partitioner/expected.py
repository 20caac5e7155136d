import tensorflow as tf


def sharded_embedding(ids, vocab_size=12, dim=4, num_shards=3):
    with tf.variable_scope("embedding",
                           partitioner=tf.fixed_size_partitioner(num_shards)):
        table = tf.get_variable("table", [vocab_size, dim],
                                initializer=tf.random_normal_initializer(stddev=0.1))
        return tf.nn.embedding_lookup(table, ids)
