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


class SharedBias(tf.Module):
    def __init__(self, name='bias_scope'):
        super().__init__(name=name)
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, units):
        if self.b is None:
            self.b = tf.Variable(tf.constant_initializer(1.0)([units], dtype=tf.float32), name="b")
        return self.b


class Net(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.bias_scope_w = None
        self.head_bias_scope = None
        self.bias_scope = SharedBias()

    def __call__(self, x):
        with _tf1_scope("bias_scope"):
            if self.bias_scope_w is None:
                self.bias_scope_w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], 3], tf.float32), name="w")
            w = self.bias_scope_w
        h = tf.matmul(x, w) + self.bias_scope(3)        # re-enters bias_scope: b is new
        with _tf1_scope("head"):
            if self.head_bias_scope is None:
                with tf.init_scope():
                    self.head_bias_scope = SharedBias()
            out = h + self.head_bias_scope(3)                # head/bias_scope/b: another new variable
        return out
