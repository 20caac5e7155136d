import tensorflow as tf


def mlp(x, sizes=(8, 8, 4)):
    with tf.variable_scope("mlp"):
        for i, size in enumerate(sizes):
            with tf.variable_scope("block_%d" % i):
                x = tf.layers.dense(x, size, activation=tf.nn.tanh)
        return x
