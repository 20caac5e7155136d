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


class Dense(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.name_ = {}
        self.name__2 = {}

    def __call__(self, x, size, name, weight_init=None):
        if name + "/w" not in self.name_:
            self.name_[name + "/w"] = tf.Variable((weight_init if weight_init is not None else _tf1_glorot_uniform_initializer())([x.shape[1], size], dtype=tf.float32), name=name + "/w")
        w = self.name_[name + "/w"]
        if name + "/b" not in self.name__2:
            self.name__2[name + "/b"] = tf.Variable(tf.zeros_initializer()([size], dtype=tf.float32), name=name + "/b")
        b = self.name__2[name + "/b"]
        return tf.matmul(x, w) + b


class MlpPolicyInit(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)

    @tf.Module.with_name_scope
    def __call__(self, owner, *args, **kwargs):
        owner._init(*args, **kwargs)
        owner.scope = tf.get_current_name_scope()


class Init(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.dense = None

    def __call__(self, owner, ob, hid_size, num_hid_layers):
        last_out = ob
        for i in range(num_hid_layers):
            if self.dense is None:
                with tf.init_scope():
                    self.dense = Dense()
            last_out = tf.nn.tanh(self.dense(last_out, hid_size, "polfc%i" % (i + 1)))
        if self.dense is None:
            with tf.init_scope():
                self.dense = Dense()
        owner.vpred = self.dense(last_out, 1, "vffinal")[:, 0]


class MlpPolicy(tf.Module):
    recurrent = False

    def __init__(self, name, *args, **kwargs):
        if '_init_module' not in self.__dict__:
            super().__init__()
            self._constructor_module = {}
            self._init_module = {}
        scope = tf.get_current_name_scope()
        key = f"{scope}:{name}"
        if key not in self._constructor_module:
            self._constructor_module[key] = MlpPolicyInit(name=name)
        self._constructor_module[key](self, *args, **kwargs)

    def _init(self, ob, hid_size, num_hid_layers):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._init_module:
            self._init_module[key] = Init()
        return self._init_module[key](self, ob, hid_size, num_hid_layers)


class Value(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.pi = None

    def __call__(self, ob):
        if self.pi is None:
            self.pi = MlpPolicy("pi", ob, 4, 2)
        else:
            self.pi.__init__("pi", ob, 4, 2)
        pi = self.pi
        return pi.vpred
