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


class OnehotEmbedding(tf.Module):
    def __init__(self, name="embedding"):
        super().__init__(name=name)
        self.lookup_table = None

    @tf.Module.with_name_scope
    def __call__(self, ids, vocab_size, dim):
        if self.lookup_table is None:
            self.lookup_table = tf.Variable(_tf1_glorot_uniform_initializer()([vocab_size, dim], tf.float32), name="lookup_table")
        table = self.lookup_table
        return tf.einsum("nd,in->id", table, tf.one_hot(ids, vocab_size))


class GatherEmbedding(tf.Module):
    def __init__(self, name="embedding"):
        super().__init__(name=name)
        self.lookup_table = None

    @tf.Module.with_name_scope
    def __call__(self, ids, vocab_size, dim):
        if self.lookup_table is None:
            self.lookup_table = tf.Variable(_tf1_glorot_uniform_initializer()([vocab_size, dim], tf.float32), name="lookup_table")
        table = self.lookup_table
        return tf.nn.embedding_lookup(table, ids)


class SoftmaxHead(tf.Module):
    def __init__(self, name="softmax"):
        super().__init__(name=name)
        self.w = None
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, h, vocab_size):
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([h.shape[-1], vocab_size], tf.float32), name="W")
        w = self.w
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([vocab_size], dtype=tf.float32), name="b")
        b = self.b
        return tf.nn.log_softmax(tf.matmul(h, w) + b)


class TiedHead(tf.Module):
    def __init__(self, name="softmax"):
        super().__init__(name=name)
        self.b = None

    @tf.Module.with_name_scope
    def __call__(self, h, vocab_size):
        if self.b is None:
            self.b = tf.Variable(tf.zeros_initializer()([vocab_size], dtype=tf.float32), name="b")
        b = self.b
        return tf.nn.log_softmax(h[:, :vocab_size] + b)


class LanguageModel(tf.Module):
    def __init__(self, name="lm"):
        super().__init__(name=name)
        self.embedding = None
        self.embedding_2 = None
        self.softmax = None
        self.softmax_2 = None

    @tf.Module.with_name_scope
    def __call__(self, ids, vocab_size=12, dim=12, use_tpu=False, tie_weight=True):
        # one-hot matmuls are faster on TPU
        if use_tpu:
            if self.embedding is None:
                with tf.init_scope():
                    self.embedding = OnehotEmbedding(name="embedding")
            h = self.embedding(ids, vocab_size, dim)
        else:
            if self.embedding_2 is None:
                with tf.init_scope():
                    self.embedding_2 = GatherEmbedding(name="embedding")
            h = self.embedding_2(ids, vocab_size, dim)
        if tie_weight:
            if self.softmax is None:
                with tf.init_scope():
                    self.softmax = TiedHead(name="softmax")
            logprobs = self.softmax(h, vocab_size)
        else:
            if self.softmax_2 is None:
                with tf.init_scope():
                    self.softmax_2 = SoftmaxHead(name="softmax")
            logprobs = self.softmax_2(h, vocab_size)
        return logprobs


class Encoder(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        self.tokens = None
        self.tokens_2 = None

    @tf.Module.with_name_scope
    def __call__(self, ids, use_tpu=False):
        if use_tpu:
            if self.tokens is None:
                with tf.init_scope():
                    self.tokens = OnehotEmbedding(name="tokens")
            h = self.tokens(ids, 12, 6)
        else:
            if self.tokens_2 is None:
                with tf.init_scope():
                    self.tokens_2 = GatherEmbedding(name="tokens")
            h = self.tokens_2(ids, 12, 6)
        return tf.reduce_mean(h, axis=0)
