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


class Build(tf.Module):
    def __init__(self, name='autoencoder'):
        super().__init__(name=name)

    @tf.Module.with_name_scope
    def __call__(self, owner, x):
        code = owner.encoder(x)
        recon = owner.decoder(code, x.shape[1])
        owner.loss = tf.reduce_mean(tf.square(recon - x))
        return recon, owner.loss


class Decoder(tf.Module):
    def __init__(self, name='decoder'):
        super().__init__(name=name)
        self.w1 = None
        self.w2 = None

    @tf.Module.with_name_scope
    def __call__(self, owner, code, output_size):
        if self.w1 is None:
            self.w1 = tf.Variable(_tf1_glorot_uniform_initializer()([owner.code_size, owner.hidden_size], tf.float32), name="w1")
        w1 = self.w1
        if self.w2 is None:
            self.w2 = tf.Variable(_tf1_glorot_uniform_initializer()([owner.hidden_size, output_size], tf.float32), name="w2")
        w2 = self.w2
        return tf.matmul(tf.nn.relu(tf.matmul(code, w1)), w2)


class Encoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.w1 = None
        self.w2 = None

    @tf.Module.with_name_scope
    def __call__(self, owner, x):
        if self.w1 is None:
            self.w1 = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[1], owner.hidden_size], tf.float32), name="w1")
        w1 = self.w1
        if self.w2 is None:
            self.w2 = tf.Variable(_tf1_glorot_uniform_initializer()([owner.hidden_size, owner.code_size], tf.float32), name="w2")
        w2 = self.w2
        return tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)


class AutoEncoder(tf.Module):
    def __init__(self, hidden_size, code_size=3):
        super().__init__()
        self._encoder_module = {}
        self._decoder_module = {}
        self._build_module = {}
        self.hidden_size = hidden_size
        self.code_size = code_size

    def encoder(self, x):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._encoder_module:
            self._encoder_module[key] = Encoder()
        return self._encoder_module[key](self, x)

    def decoder(self, code, output_size):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._decoder_module:
            self._decoder_module[key] = Decoder()
        return self._decoder_module[key](self, code, output_size)

    def build(self, x):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._build_module:
            self._build_module[key] = Build()
        return self._build_module[key](self, x)
