import tensorflow as tf


def mlp(x, sizes, scope, activation=tf.nn.relu, output_activation=None):
    with tf.variable_scope(scope):
        for i, size in enumerate(sizes[:-1]):
            x = tf.layers.dense(x, size, activation=activation, name='fc%d' % i)
        return tf.layers.dense(x, sizes[-1], activation=output_activation, name='fc%d' % (len(sizes) - 1))
