import tensorflow as tf


def mlp(x, units=4, scope=None):
    with tf.variable_scope(scope or "mlp"):
        w = tf.get_variable("w", [x.get_shape()[-1], units])
        return tf.nn.relu(tf.matmul(x, w))


def head(x):
    b = tf.get_variable("head_b", [4], initializer=tf.zeros_initializer())
    return x + b


x = tf.ones([2, 3])
with tf.variable_scope("model"):
    y = head(mlp(x, scope="fc"))
with tf.variable_scope("model", reuse=True):
    y_eval = head(mlp(x * 2.0, scope="fc"))
with tf.name_scope("summaries"):
    z = mlp(y, scope="post")
