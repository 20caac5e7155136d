import tensorflow as tf
from six.moves import range


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


class Dense(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, x, num_units):
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], num_units], tf.float32), name="w")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([num_units], dtype=tf.float32), name="b")
        b = self.b
        return tf.nn.relu(tf.matmul(x, w) + b)


class BaseModel(tf.Module):
    def __init__(self, num_units, num_layers=2):
        super().__init__(name='encoder_object')
        self.num_units = num_units
        self.num_layers = num_layers


class Build(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.layer = {}

    @tf.Module.with_name_scope
    def __call__(self, owner, x):
        for i in range(owner.num_layers):
            if "layer_%d" % i not in self.layer:
                with tf.init_scope():
                    self.layer["layer_%d" % i] = Dense(name="layer_%d" % i)
            x = self.layer["layer_%d" % i](x, owner.num_units)
        return x


class Encoder(BaseModel):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._build_module = {}

    def build(self, x):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._build_module:
            self._build_module[key] = Build()
        return self._build_module[key](self, x)
