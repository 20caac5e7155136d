import tensorflow as tf


def _tf1_fans(shape):
    """TF1 init_ops._compute_fans."""
    shape = tf.TensorShape(shape).as_list()
    if len(shape) < 1:
        fan_in = fan_out = 1
    elif len(shape) == 1:
        fan_in = fan_out = shape[0]
    elif len(shape) == 2:
        fan_in, fan_out = shape[0], shape[1]
    else:
        receptive_field_size = 1
        for dim in shape[:-2]:
            receptive_field_size *= dim
        fan_in = shape[-2] * receptive_field_size
        fan_out = shape[-1] * receptive_field_size
    return int(fan_in), int(fan_out)


def _tf1_variance_scaling_initializer(scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None, dtype=tf.float32):
    """TF1 tf.variance_scaling_initializer (same values in plain TF2)."""
    distribution = distribution.lower()

    def init(shape, dtype=dtype, partition_info=None):
        import math
        fan_in, fan_out = _tf1_fans(shape)
        s = scale
        if mode == "fan_in":
            s /= max(1., fan_in)
        elif mode == "fan_out":
            s /= max(1., fan_out)
        else:
            s /= max(1., (fan_in + fan_out) / 2.)
        if distribution in ("normal", "truncated_normal"):
            stddev = math.sqrt(s) / .87962566103423978
            return tf.random.truncated_normal(shape, 0.0, stddev, dtype, seed=seed)
        if distribution == "untruncated_normal":
            return tf.random.normal(shape, 0.0, math.sqrt(s), dtype, seed=seed)
        limit = math.sqrt(3.0 * s)
        return tf.random.uniform(shape, -limit, limit, dtype, seed=seed)
    return init


def _tf1_glorot_uniform_initializer(seed=None, dtype=tf.float32):
    """TF1 tf.glorot_uniform_initializer (tf.get_variable's default; same values in plain TF2)."""
    return _tf1_variance_scaling_initializer(1.0, "fan_avg", "uniform", seed, dtype)


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class GruGates(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.gates_kernel = None
        self.gates_bias = None

    def __call__(self, x, h, units):
        if self.gates_kernel is None:
            self.gates_kernel = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1] + units, 2 * units], tf.float32), name="gates_kernel")
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
        with _tf1_scope("fw"):
            if self.fw_gru_gates is None:
                with tf.init_scope():
                    self.fw_gru_gates = GruGates()
            r_fw, u_fw = self.fw_gru_gates(x_fw, h, units)
        with _tf1_scope("bw"):
            if self.bw_gru_gates is None:
                with tf.init_scope():
                    self.bw_gru_gates = GruGates()
            r_bw, u_bw = self.bw_gru_gates(x_bw, h, units)
        return r_fw * u_fw, r_bw * u_bw
