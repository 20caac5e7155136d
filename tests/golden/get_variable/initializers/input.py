import tensorflow as tf


def init_zoo(x):
    d = x.get_shape()[-1].value
    with tf.variable_scope("zoo"):
        a = tf.get_variable("normal", [d, 3], initializer=tf.random_normal_initializer(0.0, 0.5))
        b = tf.get_variable("uniform", [d, 3], initializer=tf.random_uniform_initializer(-0.2, 0.2))
        c = tf.get_variable("truncated", [d, 3],
                            initializer=tf.truncated_normal_initializer(stddev=0.1))
        e = tf.get_variable("glorot", [d, 3], initializer=tf.glorot_uniform_initializer())
        f = tf.get_variable("glorot_normal", [d, 3], initializer=tf.glorot_normal_initializer())
        g = tf.get_variable("scaled", [d, 3],
                            initializer=tf.variance_scaling_initializer(scale=2.0))
        h = tf.get_variable("ortho", [d, 3], initializer=tf.orthogonal_initializer())
        z = tf.get_variable("zeros", [3], initializer=tf.zeros_initializer())
        o = tf.get_variable("ones", [3], initializer=tf.ones_initializer())
        k = tf.get_variable("const", [3], initializer=tf.constant_initializer([1.0, 2.0, 3.0]))
    w = a + b + c + e + f + g + h
    return tf.matmul(x, w) * o + z + k
