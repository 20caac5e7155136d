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
    def __init__(self, name='critic'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], 1], tf.float32), name="w")
        w = self.w
        return tf.matmul(x, w)


class Actor(tf.Module):
    def __init__(self, name='actor'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], 2], tf.float32), name="w")
        w = self.w
        return tf.nn.tanh(tf.matmul(x, w))


class Build(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.actor = Actor()
        self.critic = Critic()

    def __call__(self, obs):
        action = self.actor(obs)
        value = self.critic(obs)
        actor_vars = [v for v in self.trainable_variables if v.name.startswith('actor')]
        critic_vars = [v for v in self.trainable_variables if v.name.startswith('critic')]
        everything = list(self.variables)
        return (action, value, tf.add_n([tf.reduce_sum(v) for v in actor_vars]),
                tf.add_n([tf.reduce_sum(v) for v in critic_vars]), tf.add_n([tf.reduce_sum(v) for v in everything]))
