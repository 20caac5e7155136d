import tensorflow as tf


def shared_table():
    with tf.variable_scope("shared_embedding", reuse=tf.AUTO_REUSE):
        return tf.get_variable("table", [10, 4])


def encoder(x):
    with tf.variable_scope("encoder"):
        return x + shared_table()


def decoder(x):
    with tf.variable_scope("decoder"):
        return x + shared_table()


def model(x):
    return decoder(encoder(x))
