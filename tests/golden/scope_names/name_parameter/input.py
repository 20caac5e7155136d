import tensorflow as tf


def residual_block(x, name):
    dim = x.get_shape()[-1].value
    with tf.variable_scope(name):
        w1 = tf.get_variable("w1", [dim, dim], initializer=tf.random_normal_initializer(stddev=0.1))
        w2 = tf.get_variable("w2", [dim, dim], initializer=tf.random_normal_initializer(stddev=0.1))
        return x + tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)


def resnet(x):
    with tf.variable_scope("resnet"):
        x = residual_block(x, name="block_a")
        x = residual_block(x, "block_b")
        return x
