import tensorflow as tf

EMA_VARIABLES = "ema_variables"


def ema_dense(x, units=3):
    with tf.compat.v1.variable_scope("ema_dense"):
        w = tf.compat.v1.get_variable("kernel", [x.get_shape()[-1], units],
                            collections=[tf.compat.v1.GraphKeys.GLOBAL_VARIABLES,
                                         tf.compat.v1.GraphKeys.TRAINABLE_VARIABLES,
                                         EMA_VARIABLES])
        shadow = tf.compat.v1.get_variable("shadow_kernel", [x.get_shape()[-1], units],
                                 trainable=False,
                                 collections=[tf.compat.v1.GraphKeys.LOCAL_VARIABLES])
        return tf.matmul(x, w), tf.compat.v1.get_collection(EMA_VARIABLES), shadow
