import tensorflow as tf


def gru_gates(x, h, units):
    w = tf.get_variable("gates_kernel", [x.get_shape()[-1].value + units, 2 * units])
    b = tf.get_variable("gates_bias", [2 * units], initializer=tf.constant_initializer(1.0))
    return tf.split(tf.sigmoid(tf.matmul(tf.concat([x, h], 1), w) + b), 2, axis=1)


def bidirectional_gates(x_fw, x_bw, units=3):
    h = tf.zeros([tf.shape(x_fw)[0], units])
    with tf.variable_scope("fw"):
        r_fw, u_fw = gru_gates(x_fw, h, units)
    with tf.variable_scope("bw"):
        r_bw, u_bw = gru_gates(x_bw, h, units)
    return r_fw * u_fw, r_bw * u_bw
