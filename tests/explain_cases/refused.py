import tensorflow as tf


def sharded(x):
    with tf.variable_scope("emb", partitioner=tf.fixed_size_partitioner(2)):
        return tf.get_variable("table", [10, 4])
