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


def _tf1_glorot_normal_initializer(seed=None, dtype=tf.float32):
    """TF1 tf.glorot_normal_initializer (same values in plain TF2)."""
    return _tf1_variance_scaling_initializer(1.0, "fan_avg", "truncated_normal", seed, dtype)


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


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


class InitZoo(tf.Module):
    def __init__(self, name='zoo'):
        super().__init__(name=name)
        self.normal = None
        self.uniform = None
        self.truncated = None
        self.glorot = None
        self.glorot_normal = None
        self.scaled = None
        self.ortho = None
        self.zeros = None
        self.ones = None
        self.const = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        d = x.shape[-1]
        if self.normal is None:
            self.normal = tf.Variable(tf.random_normal_initializer(0.0, 0.5)([d, 3], dtype=tf.float32), name="normal")
        a = self.normal
        if self.uniform is None:
            self.uniform = tf.Variable(tf.random_uniform_initializer(-0.2, 0.2)([d, 3], dtype=tf.float32), name="uniform")
        b = self.uniform
        if self.truncated is None:
            self.truncated = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([d, 3], dtype=tf.float32), name="truncated")
        c = self.truncated
        if self.glorot is None:
            self.glorot = tf.Variable(_tf1_glorot_uniform_initializer()([d, 3], dtype=tf.float32), name="glorot")
        e = self.glorot
        if self.glorot_normal is None:
            self.glorot_normal = tf.Variable(_tf1_glorot_normal_initializer()([d, 3], dtype=tf.float32), name="glorot_normal")
        f = self.glorot_normal
        if self.scaled is None:
            self.scaled = tf.Variable(_tf1_variance_scaling_initializer(scale=2.0)([d, 3], dtype=tf.float32), name="scaled")
        g = self.scaled
        if self.ortho is None:
            self.ortho = tf.Variable(_tf1_orthogonal_initializer()([d, 3], dtype=tf.float32), name="ortho")
        h = self.ortho
        if self.zeros is None:
            self.zeros = tf.Variable(tf.zeros_initializer()([3], dtype=tf.float32), name="zeros")
        z = self.zeros
        if self.ones is None:
            self.ones = tf.Variable(tf.ones_initializer()([3], dtype=tf.float32), name="ones")
        o = self.ones
        if self.const is None:
            self.const = tf.Variable(tf.constant_initializer([1.0, 2.0, 3.0])([3], dtype=tf.float32), name="const")
        k = self.const
        w = a + b + c + e + f + g + h
        return tf.matmul(x, w) * o + z + k
