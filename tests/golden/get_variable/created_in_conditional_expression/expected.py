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


class Affine(tf.Module):
    """The bias exists only when asked for: TF1 made it only when the branch ran."""
    def __init__(self, name='affine'):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, units, use_bias=True):
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], units], tf.float32), name="w")
        w = self.w
        if use_bias and self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([units], dtype=tf.float32), name="b")
        b = self.b if use_bias else 0.0
        return tf.matmul(x, w) + b


class ConvLike(tf.Module):
    def __init__(self, name='conv_like'):
        super().__init__(name=name)
        self.w = None
        self.g = None

    @tf.Module.with_name_scope
    def __call__(self, x, units, mode="scaled"):
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], units], tf.float32), name="w")
        w = self.w
        if not (mode != "scaled") and self.g is None:
            self.g = tf.Variable(tf.constant_initializer(0.5)([units], dtype=tf.float32), name="g")
        g = 1.0 if mode != "scaled" else self.g
        return tf.matmul(x, w) * g


class Head(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.affine = Affine()
        self.conv_like = ConvLike()

    def __call__(self, x, use_bias):
        return self.conv_like(self.affine(x, 4, use_bias), 3, "scaled" if use_bias else "plain")
