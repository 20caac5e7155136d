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


class BatchNormCall(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope_beta = {}
        self.scope_gamma = {}

    def __call__(self, owner, x):
        with _tf1_scope(owner.scope_name):
            n = x.shape[-1]
            if owner.scope_name not in self.scope_beta:
                self.scope_beta[owner.scope_name] = tf.Variable(tf.constant_initializer(0.0)([n], dtype=tf.float32), name="beta")
            beta = self.scope_beta[owner.scope_name]
            if owner.scope_name not in self.scope_gamma:
                self.scope_gamma[owner.scope_name] = tf.Variable(tf.random_normal_initializer(1.0, 0.02)([n], dtype=tf.float32), name="gamma")
            gamma = self.scope_gamma[owner.scope_name]
            mean, var = tf.nn.moments(x, [0])
            return tf.nn.batch_normalization(x, mean, var, beta, gamma, owner.epsilon)


class batch_norm(tf.Module):
    """DCGAN-tensorflow's ops.batch_norm: the scope is the object's name, resolved at call time."""

    def __init__(self, epsilon=1e-5, name="batch_norm"):
        super().__init__()
        self._call_module = {}
        self.epsilon = epsilon
        self.scope_name = name

    def __call__(self, x):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._call_module:
            self._call_module[key] = BatchNormCall()
        return self._call_module[key](self, x)


class Discriminator(tf.Module):
    def __init__(self, name='discriminator'):
        super().__init__(name=name)
        self.d_bn1 = None
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.d_bn1 is None:
            self.d_bn1 = batch_norm(name="d_bn1")
        d_bn1 = self.d_bn1
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], 4], tf.float32), name="w")
        w = self.w
        return d_bn1(tf.matmul(x, w))


class Gan(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.discriminator = Discriminator()

    def __call__(self, real, fake):
        return self.discriminator(real), self.discriminator(fake)
