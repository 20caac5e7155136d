import tensorflow as tf

from ops import conv, hw_flatten


def attention(x, channels, sn=False, scope='attention'):
    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
        f = conv(x, channels // 2, kernel=1, stride=1, pad=0, sn=sn, scope='f_conv')
        g = conv(x, channels // 2, kernel=1, stride=1, pad=0, sn=sn, scope='g_conv')
        h = conv(x, channels, kernel=1, stride=1, pad=0, sn=sn, scope='h_conv')
        s = tf.matmul(hw_flatten(g), hw_flatten(f), transpose_b=True)
        beta = tf.nn.softmax(s)
        o = tf.matmul(beta, hw_flatten(h))
        gamma = tf.get_variable("gamma", [1], initializer=tf.constant_initializer(0.0))
        o = tf.reshape(o, shape=x.shape)
        x = gamma * o + x
    return x
