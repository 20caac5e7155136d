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


class Dense(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'dense')
        self.kernel = None

    @tf.Module.with_name_scope
    def __call__(self, x, units):
        if self.kernel is None:
            self.kernel = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], units], tf.float32), name="kernel")
        w = self.kernel
        return tf.matmul(x, w)


class EncoderDecoder(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.encoder_dense = None
        self.encoder_dense_1 = None
        self.decoder_dense = None
        self.decoder_dense_1 = None

    def __call__(self, x):
        with _tf1_scope("encoder"):
            if self.encoder_dense is None:
                with tf.init_scope():
                    self.encoder_dense = Dense(name='dense')
            h = self.encoder_dense(x, 6)                # encoder/dense
            if self.encoder_dense_1 is None:
                with tf.init_scope():
                    self.encoder_dense_1 = Dense(name='dense_1')
            h = self.encoder_dense_1(h, 4)                # encoder/dense_1
        with _tf1_scope("decoder"):
            if self.decoder_dense is None:
                with tf.init_scope():
                    self.decoder_dense = Dense(name='dense')
            y = self.decoder_dense(h, 6)                # decoder/dense (counters are per parent)
            if self.decoder_dense_1 is None:
                with tf.init_scope():
                    self.decoder_dense_1 = Dense(name='dense_1')
            y = self.decoder_dense_1(y, x.shape[-1])  # decoder/dense_1
        return y
