import tensorflow.compat.v1 as tf

from t2tlite import common_layers


def ffn_block(x, hidden_size=8, filter_size=16):
    with tf.variable_scope("ffn"):
        y = common_layers.dense_relu_dense(x, filter_size, hidden_size)
        return common_layers.layer_norm(x + y)


def encoder(x, num_layers=2, hidden_size=8):
    with tf.variable_scope("encoder"):
        for i in range(num_layers):
            with tf.variable_scope("layer_%d" % i):
                x = ffn_block(x, hidden_size)
        return x


def summaries(name="encoder"):
    for v in tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=name):
        tf.summary.histogram(v.op.name, v)
