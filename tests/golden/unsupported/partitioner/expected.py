import tensorflow as tf


def sharded_embedding(ids, vocab_size=12, dim=4, num_shards=3):
    with tf.compat.v1.variable_scope("embedding",
                           partitioner=tf.compat.v1.fixed_size_partitioner(num_shards)):
        table = tf.compat.v1.get_variable("table", [vocab_size, dim],
                                initializer=tf.compat.v1.random_normal_initializer(stddev=0.1))
        return tf.nn.embedding_lookup(table, ids)
