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


class Critic(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.critic_w = None
        self.critic_b = None

    def __call__(self, x):
        if self.critic_w is None:
            self.critic_w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], 1], tf.float32), name="critic_w")
        w = self.critic_w
        if self.critic_b is None:
            self.critic_b = tf.Variable(tf.zeros_initializer()([1], dtype=tf.float32), name="critic_b")
        b = self.critic_b
        return tf.matmul(x, w) + b


class WganGpTerms(tf.Module):
    def __init__(self, name='wgan'):
        super().__init__(name=name)
        with self.name_scope:
            self.critic = Critic()

    @tf.Module.with_name_scope
    def __call__(self, real, fake, alpha):
        d_real = self.critic(real)
        d_fake = self.critic(fake)
        interp = real + alpha * (fake - real)
        d_interp = self.critic(interp)
        # (the gradient penalty's tf.gradients needs a GradientTape in TF2: kept out of this case)
        penalty = tf.reduce_mean(tf.square(d_interp - 1.0))
        return tf.reduce_mean(d_fake) - tf.reduce_mean(d_real) + 10.0 * penalty
