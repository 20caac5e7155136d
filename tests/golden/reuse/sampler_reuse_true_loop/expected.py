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


def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return tf.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init


class Dense(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, units):
        if self.w is None:
            self.w = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.1)([x.shape[-1], units], dtype=tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([units], dtype=tf.float32), name="b")
        b = self.b
        return tf.matmul(x, w) + b


class Build(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)

    def __call__(self, owner, z, z_sample):
        fake = owner.generator(z)
        again = owner.generator(z_sample, reuse=True)
        samples = owner.sampler(z_sample)
        g_vars = [v for v in list(owner.trainable_variables) if v.name.startswith("generator/")]
        return fake, again, samples, tf.add_n([tf.reduce_sum(v) for v in g_vars])


class Generator(tf.Module):
    def __init__(self, name='generator'):
        super().__init__(name=name)
        self.z_embedding = None
        self.layer = {}
        with self.name_scope:
            self.output = Dense(name="output")

    @tf.Module.with_name_scope
    def __call__(self, owner, z):
        if self.z_embedding is None:
            self.z_embedding = tf.Variable(_tf1_glorot_uniform_initializer()([z.shape[-1], owner.hidden], tf.float32), name="z_embedding")
        emb = self.z_embedding
        h = tf.matmul(z, emb)
        for i in range(owner.n_layers):
            if "layer_%d" % i not in self.layer:
                with tf.init_scope():
                    self.layer["layer_%d" % i] = Dense(name="layer_%d" % i)
            h = tf.nn.relu(self.layer["layer_%d" % i](h, owner.hidden))
        return tf.nn.sigmoid(self.output(h, owner.out_dim))


class Sampler(tf.Module):
    def __init__(self, generator, name='generator'):
        super().__init__(name=name)
        self.generator = generator  # WGAN.generator's module: its variables are reused

    def __call__(self, owner, z):
        with self.generator.name_scope:
            emb = self.generator.z_embedding
            h = tf.matmul(z, emb)
            for i in range(owner.n_layers):
                h = tf.nn.relu(self.generator.layer["layer_%d" % i](h, owner.hidden))
            return tf.nn.sigmoid(self.generator.output(h, owner.out_dim))


class WGAN(tf.Module):
    """The sampler comes first and re-enters the generator's scope with reuse=True."""

    def __init__(self, n_layers=2, hidden=6, out_dim=5):
        super().__init__()
        self._sampler_module = {}
        self._generator_module = {}
        self._build_module = {}
        self.n_layers = n_layers
        self.hidden = hidden
        self.out_dim = out_dim

    def sampler(self, z):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._sampler_module:
            self._sampler_module[key] = Sampler(self._generator_module[key])
        return self._sampler_module[key](self, z)

    def generator(self, z, reuse=False):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._generator_module:
            self._generator_module[key] = Generator()
        return self._generator_module[key](self, z)

    def build(self, z, z_sample):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._build_module:
            self._build_module[key] = Build()
        return self._build_module[key](self, z, z_sample)
