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


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class EmbeddingLookup(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.word_embedding_name = {}

    def __call__(self, input_ids, vocab_size, embedding_size=8, word_embedding_name="word_embeddings"):
        if word_embedding_name not in self.word_embedding_name:
            self.word_embedding_name[word_embedding_name] = tf.Variable(_tf1_truncated_normal_initializer(stddev=0.02)([vocab_size, embedding_size], dtype=tf.float32), name=word_embedding_name)
        embedding_table = self.word_embedding_name[word_embedding_name]
        output = tf.nn.embedding_lookup(embedding_table, input_ids)
        return output, embedding_table


class DenseLayer(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        self.kernel = None
        self.bias = None

    @tf.Module.with_name_scope
    def __call__(self, x, units):
        if self.kernel is None:
            self.kernel = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], units], tf.float32), name="kernel")
        w = self.kernel
        if self.bias is None:
            self.bias = tf.Variable(tf.zeros_initializer()([units], dtype=tf.float32), name="bias")
        b = self.bias
        return tf.matmul(x, w) + b


class TinyBertModelInit(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name or 'bert')
        self.embeddings_embedding_lookup = None
        self.pooler_dense = None

    @tf.Module.with_name_scope
    def __call__(self, owner, vocab_size, input_ids, hidden_size=8):
        owner.hidden_size = hidden_size
        with _tf1_scope("embeddings"):
            if self.embeddings_embedding_lookup is None:
                with tf.init_scope():
                    self.embeddings_embedding_lookup = EmbeddingLookup()
            (owner.embedding_output, owner.embedding_table) = self.embeddings_embedding_lookup(
                input_ids, vocab_size, hidden_size)
        with _tf1_scope("pooler"):
            first = owner.embedding_output[:, 0, :]
            if self.pooler_dense is None:
                with tf.init_scope():
                    self.pooler_dense = DenseLayer(name="dense")
            owner.pooled_output = tf.tanh(self.pooler_dense(first, hidden_size))


class TinyBertModel(tf.Module):
    def __init__(self, vocab_size, input_ids, hidden_size=8, scope=None):
        if '_constructor_module' not in self.__dict__:
            super().__init__()
            self._constructor_module = {}
        current_scope = tf.get_current_name_scope()
        key = f"{current_scope}:{scope}"
        if key not in self._constructor_module:
            self._constructor_module[key] = TinyBertModelInit(name=scope)
        self._constructor_module[key](self, vocab_size, input_ids, hidden_size)

    def get_pooled_output(self):
        return self.pooled_output

    def get_embedding_table(self):
        return self.embedding_table


class PooledFeatures(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.model = None

    def __call__(self, input_ids):
        if self.model is None:
            self.model = TinyBertModel(10, input_ids, scope="bert")
        else:
            self.model.__init__(10, input_ids, scope="bert")
        model = self.model
        return model.get_pooled_output()
