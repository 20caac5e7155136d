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


class Encoder(tf.Module):
    def __init__(self, name="transformer"):
        super().__init__(name=name)
        self.lookup_table = None
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, inp_k, n_token, d_model, initializer):
        if self.lookup_table is None:
            self.lookup_table = tf.Variable((initializer if initializer is not None else _tf1_glorot_uniform_initializer())([n_token, d_model], dtype=tf.float32), name="lookup_table")
        table = self.lookup_table
        h = tf.nn.embedding_lookup(table, inp_k)
        if self.w is None:
            self.w = tf.Variable((initializer if initializer is not None else _tf1_glorot_uniform_initializer())([d_model, d_model], dtype=tf.float32), name="w")
        w = self.w
        return tf.tanh(tf.einsum("ibd,de->ibe", h, w)), table


class Summarize(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'sequence_summary')
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, hidden, d_model, initializer):
        summary = hidden[-1]
        if self.w is None:
            self.w = tf.Variable((initializer if initializer is not None else _tf1_glorot_uniform_initializer())([d_model, d_model], dtype=tf.float32), name="w")
        w = self.w
        return tf.matmul(summary, w)


class EncoderModelInit(tf.Module):
    def __init__(self, name='model'):
        super().__init__(name=name)
        with self.name_scope:
            self.transformer = Encoder(name="transformer")

    @tf.Module.with_name_scope
    def __call__(self, owner, config, input_ids):
        initializer = tf.random_normal_initializer(stddev=0.02)
        owner.output, owner.lookup_table = self.transformer(n_token=config["n_token"], d_model=config["d_model"], initializer=initializer, inp_k=input_ids)
        owner.config = config
        owner.initializer = initializer


class GetPooledOut(tf.Module):
    def __init__(self, name='model'):
        super().__init__(name=name)
        with self.name_scope:
            self.sequence_summary = Summarize(name='sequence_summary')

    @tf.Module.with_name_scope
    def __call__(self, owner, use_proj=True):
        return self.sequence_summary(owner.output, owner.config["d_model"], owner.initializer)


class EncoderModel(tf.Module):
    """XLNet's shape: the constructor runs the network on its input tensors under scope
    "model"; a method adds the pooling head under the same scope, both with AUTO_REUSE."""

    def __init__(self, config, input_ids):
        if '_get_pooled_out_module' not in self.__dict__:
            super().__init__()
            self._constructor_module = {}
            self._get_pooled_out_module = {}
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._constructor_module:
            self._constructor_module[key] = EncoderModelInit()
        self._constructor_module[key](self, config, input_ids)

    def get_pooled_out(self, use_proj=True):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._get_pooled_out_module:
            self._get_pooled_out_module[key] = GetPooledOut()
        return self._get_pooled_out_module[key](self, use_proj)

    def get_embedding_table(self):
        return self.lookup_table
