import tensorflow as tf


def a(x):
    with tf.variable_scope("a"):
        return x * tf.get_variable("w", [], initializer=tf.ones_initializer())


def b(x):
    with tf.variable_scope("b"):
        return x + tf.get_variable("w", [], initializer=tf.ones_initializer())


y = a(tf.ones([2])) + b(tf.ones([2]))
