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


def l2_regularizer(scale):
    def l2(weights):
        return scale * tf.nn.l2_loss(weights)
    return l2


def l1_regularizer(weights):
    return 1e-5 * tf.reduce_sum(tf.abs(weights))


class SparseAutoencoder(tf.Module):
    def __init__(self, name='sae'):
        super().__init__(name=name)
        self.w_enc = None
        self.w_enc_regularizer = None
        self.w_dec = None
        self.w_dec_regularizer = None

    @tf.Module.with_name_scope
    def __call__(self, x, code_size=3):
        d = x.shape[-1]
        _w_enc_regularizer = l2_regularizer(1e-3)
        if self.w_enc is None:
            self.w_enc = tf.Variable(_tf1_glorot_uniform_initializer()([d, code_size], tf.float32), name="w_enc")
            self.w_enc_regularizer = _w_enc_regularizer
        w_enc = self.w_enc
        if self.w_dec is None:
            self.w_dec = tf.Variable(_tf1_glorot_uniform_initializer()([code_size, d], tf.float32), name="w_dec")
            self.w_dec_regularizer = l1_regularizer
        w_dec = self.w_dec
        code = tf.nn.relu(tf.matmul(x, w_enc))
        return tf.matmul(code, w_dec)

    def regularization_losses(self):
        """The REGULARIZATION_LOSSES TF1 collected for this module's own variables."""
        losses = []
        if self.w_enc is not None:
            losses.append(self.w_enc_regularizer(self.w_enc))
        if self.w_dec is not None:
            losses.append(self.w_dec_regularizer(self.w_dec))
        return [loss for loss in losses if loss is not None]
