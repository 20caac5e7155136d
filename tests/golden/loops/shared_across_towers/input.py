import tensorflow as tf


def block(x, i):
    with tf.variable_scope("block_%d" % i, reuse=tf.AUTO_REUSE):
        w = tf.get_variable("w", [x.get_shape()[-1], 4])
        return tf.nn.relu(tf.matmul(x, w))


def siamese(left, right, depth=2):
    outs = []
    for x in (left, right):
        for i in range(depth):
            x = block(x, i)
        outs.append(x)
    return tf.reduce_sum(tf.square(outs[0] - outs[1]), axis=1)
