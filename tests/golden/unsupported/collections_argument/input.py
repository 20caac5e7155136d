import tensorflow as tf

EMA_VARIABLES = "ema_variables"


def ema_dense(x, units=3):
    with tf.variable_scope("ema_dense"):
        w = tf.get_variable("kernel", [x.get_shape()[-1], units],
                            collections=[tf.GraphKeys.GLOBAL_VARIABLES,
                                         tf.GraphKeys.TRAINABLE_VARIABLES,
                                         EMA_VARIABLES])
        shadow = tf.get_variable("shadow_kernel", [x.get_shape()[-1], units],
                                 trainable=False,
                                 collections=[tf.GraphKeys.LOCAL_VARIABLES])
        return tf.matmul(x, w), tf.get_collection(EMA_VARIABLES), shadow
