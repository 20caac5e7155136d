import tensorflow.compat.v1 as tf


def linear(x, n, scope=None):
    with tf.variable_scope(scope or "linear"):
        w = tf.get_variable("w", [x.get_shape()[1].value, n],
                            initializer=tf.truncated_normal_initializer(stddev=0.02))
        return tf.matmul(x, w)


def tower(x):
    with tf.variable_scope("tower"):
        h = tf.layers.Dense(4, name="d")(x)
        return tf.nn.relu(h) * tf.to_float(tf.shape(x)[0])


def model(x):
    with tf.variable_scope("model"):
        a = linear(x, 3, "a")
        with tf.variable_scope("b"):
            b = linear(x, 3, "a")
        return a + b
