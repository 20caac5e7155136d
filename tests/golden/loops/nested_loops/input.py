import tensorflow as tf


def resnet_stages(x, num_stages=2, units_per_stage=2):
    dim = x.get_shape()[-1].value
    for s in range(num_stages):
        with tf.variable_scope("stage%d" % (s + 1)):
            for u in range(units_per_stage):
                with tf.variable_scope("unit%d" % (u + 1)):
                    w = tf.get_variable("w", [dim, dim],
                                        initializer=tf.random_normal_initializer(stddev=0.1))
                    x = x + tf.nn.relu(tf.matmul(x, w))
    return x
