import tensorflow as tf


def l2_regularizer(scale):
    def l2(weights):
        return scale * tf.nn.l2_loss(weights)
    return l2


def l1_regularizer(weights):
    return 1e-5 * tf.reduce_sum(tf.abs(weights))


def sparse_autoencoder(x, code_size=3):
    d = x.get_shape()[-1].value
    with tf.variable_scope("sae"):
        w_enc = tf.get_variable("w_enc", [d, code_size], regularizer=l2_regularizer(1e-3))
        w_dec = tf.get_variable("w_dec", [code_size, d], regularizer=l1_regularizer)
        code = tf.nn.relu(tf.matmul(x, w_enc))
        return tf.matmul(code, w_dec)
