import tensorflow.compat.v1 as tf


def dense_relu(x, units=4, reuse=None):
    with tf.variable_scope("dense_relu", reuse=reuse):
        w = tf.get_variable("kernel", [x.shape[-1].value, units],
                            initializer=tf.truncated_normal_initializer(stddev=0.02))
        b = tf.get_variable("bias", [units], initializer=tf.zeros_initializer())
        return tf.nn.relu(tf.matmul(x, w) + b)


def shared_dense(a, b):
    return dense_relu(a), dense_relu(b, reuse=True)
