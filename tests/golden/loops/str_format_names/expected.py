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


class LayerNorm(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scale = None

    def __call__(self, x):
        dim = x.shape[-1]
        if self.scale is None:
            self.scale = tf.Variable(tf.ones_initializer()([dim], dtype=tf.float32), name="scale")
        scale = self.scale
        mean, var = tf.nn.moments(x, [-1], keepdims=True)
        return (x - mean) * tf.math.rsqrt(var + 1e-6) * scale


class EncoderStack(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.layer_ffn = {}
        self.layer_layer_norm = {}

    @tf.Module.with_name_scope
    def __call__(self, x, num_layers=3):
        for i in range(num_layers):
            with _tf1_scope("layer_{}".format(i)):
                if "layer_{}".format(i) not in self.layer_ffn:
                    self.layer_ffn["layer_{}".format(i)] = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], x.shape[-1]], tf.float32), name="ffn")
                w = self.layer_ffn["layer_{}".format(i)]
                if "layer_{}".format(i) not in self.layer_layer_norm:
                    with tf.init_scope():
                        self.layer_layer_norm["layer_{}".format(i)] = LayerNorm()
                x = self.layer_layer_norm["layer_{}".format(i)](x + tf.nn.relu(tf.matmul(x, w)))
        return x
