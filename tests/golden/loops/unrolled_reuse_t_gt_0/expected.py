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


def _tf1_orthogonal_initializer(gain=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.orthogonal_initializer (TF1's algorithm; same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        shape = tf.TensorShape(shape).as_list()
        if len(shape) < 2:
            raise ValueError("The tensor to initialize must be at least two-dimensional")
        num_rows = 1
        for dim in shape[:-1]:
            num_rows *= dim
        num_rows, num_cols = int(num_rows), int(shape[-1])
        flat_shape = (num_cols, num_rows) if num_rows < num_cols else (num_rows, num_cols)
        a = tf.random.normal(flat_shape, dtype=dtype, seed=seed)
        q, r = tf.linalg.qr(a, full_matrices=False)
        q *= tf.sign(tf.linalg.diag_part(r))
        if num_rows < num_cols:
            q = tf.linalg.matrix_transpose(q)
        return gain * tf.reshape(q, shape)
    return init


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class Rnn(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.rnn_cell_w_x = None
        self.rnn_cell_w_h = None
        self.rnn_cell_b = None

    def __call__(self, inputs, num_units=5):
        steps = tf.unstack(inputs, axis=1)
        state = tf.zeros([tf.shape(inputs)[0], num_units])
        outputs = []
        for t, x in enumerate(steps):
            with _tf1_scope("rnn_cell"):
                if self.rnn_cell_w_x is None:
                    self.rnn_cell_w_x = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], num_units], tf.float32), name="w_x")
                w_x = self.rnn_cell_w_x
                if self.rnn_cell_w_h is None:
                    self.rnn_cell_w_h = tf.Variable(_tf1_orthogonal_initializer()([num_units, num_units], dtype=tf.float32), name="w_h")
                w_h = self.rnn_cell_w_h
                if self.rnn_cell_b is None:
                    self.rnn_cell_b = tf.Variable(tf.zeros_initializer()([num_units], dtype=tf.float32), name="b")
                b = self.rnn_cell_b
                state = tf.tanh(tf.matmul(x, w_x) + tf.matmul(state, w_h) + b)
                outputs.append(state)
        return tf.stack(outputs, axis=1), state
