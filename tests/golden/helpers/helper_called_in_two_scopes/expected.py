import tensorflow as tf


class GruGates(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.gates_kernel = None
        self.gates_bias = None

    def __call__(self, x, h, units):
        if self.gates_kernel is None:
            self.gates_kernel = tf.Variable(tf.compat.v1.glorot_uniform_initializer()([x.get_shape()[-1].value + units, 2 * units], tf.float32), name="gates_kernel")
        w = self.gates_kernel
        if self.gates_bias is None:
            self.gates_bias = tf.Variable(tf.constant_initializer(1.0)([2 * units], dtype=tf.float32), name="gates_bias")
        b = self.gates_bias
        return tf.split(tf.sigmoid(tf.matmul(tf.concat([x, h], 1), w) + b), 2, axis=1)


class BidirectionalGates(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.fw_gru_gates = None
        self.bw_gru_gates = None

    def __call__(self, x_fw, x_bw, units=3):
        h = tf.zeros([tf.shape(x_fw)[0], units])
        with tf.name_scope("fw"):
            if self.fw_gru_gates is None:
                self.fw_gru_gates = GruGates()
            r_fw, u_fw = self.fw_gru_gates(x_fw, h, units)
        with tf.name_scope("bw"):
            if self.bw_gru_gates is None:
                self.bw_gru_gates = GruGates()
            r_bw, u_bw = self.bw_gru_gates(x_bw, h, units)
        return r_fw * u_fw, r_bw * u_bw
