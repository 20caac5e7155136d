import tensorflow as tf
import math


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



def _tf1_glorot_uniform(shape, dtype):
    """TF1 glorot_uniform_initializer (tf.get_variable's and tf.layers' default kernel init)."""
    fan_in, fan_out = _tf1_fans(shape)
    scale = 1.0 / max(1., (fan_in + fan_out) / 2.)
    limit = math.sqrt(3.0 * scale)
    return tf.random.uniform(shape, -limit, limit, dtype)



def _tf1_variable(name, shape, dtype, initializer, default_initializer, trainable=True,
                  constraint=None):
    """A variable as TF1's get_variable made it: the initializer called with (shape, dtype);
    None means the library's default. TF1 initializers converted by the upgrade stage
    (`_tf1_*_initializer(...)`) and TF2 core initializers both take (shape, dtype)."""
    shape = [int(d) for d in shape]
    if initializer is None:
        value = default_initializer(shape, dtype)
    elif callable(initializer):
        value = initializer(shape, dtype=dtype)
    else:  # a constant value (get_variable accepts a tensor or array as initializer)
        value = tf.cast(initializer, dtype)
    return tf.Variable(value, name=name, trainable=trainable, constraint=constraint)



def _layer_dtype(inputs):
    """TF1 layers create their variables in the (floating) input dtype."""
    dtype = inputs.dtype.base_dtype
    return dtype if dtype.is_floating else tf.float32



class _Regularized(tf.Module):
    """Keeps (attribute, regularizer) pairs: TF1 put regularizer(variable) in
    REGULARIZATION_LOSSES; `regularization_losses()` recomputes them from the current values."""

    def __init__(self, name=None):
        # Named eagerly (init_scope keeps the name scope): a layer built by its first call in
        # a loop is built in tf.function's graph, where a name an op or a name_scope took
        # already would get a _1 suffix TF1 never gave it.
        with tf.init_scope():
            super().__init__(name=name)

    def _regularize(self, attribute, regularizer):
        if regularizer is not None:
            self._regularized.append((attribute, regularizer))

    def regularization_losses(self):
        losses = [regularizer(getattr(self, attribute))
                  for attribute, regularizer in self._regularized]
        return [loss for loss in losses if loss is not None]



def _no_activity_regularizer(activity_regularizer):
    if activity_regularizer is not None:
        raise NotImplementedError("activity_regularizer is not supported by the migrated layer")



def _tf1_dense_matmul(inputs, kernel):
    """tf.layers' core dense op: matmul for rank 2, tensordot over the last axis otherwise."""
    if inputs.shape.rank == 2:
        return tf.matmul(inputs, kernel)
    outputs = tf.tensordot(inputs, kernel, [[inputs.shape.rank - 1], [0]])
    outputs.set_shape(inputs.shape[:-1].concatenate([kernel.shape[-1]]))
    return outputs



class Dense(_Regularized):
    """tf.layers.dense: variables `dense/kernel` [in, units] (glorot uniform) and `dense/bias`."""

    def __init__(self, name=None):
        super().__init__(name=name or "dense")
        self.kernel = None
        self.bias = None
        self._regularized = []

    @tf.Module.with_name_scope
    def __call__(self, inputs, units, activation=None, use_bias=True, kernel_initializer=None,
                 bias_initializer=tf.zeros, kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True):
        _no_activity_regularizer(activity_regularizer)
        inputs = tf.convert_to_tensor(inputs)
        dtype = _layer_dtype(inputs)
        if self.kernel is None:
            self.kernel = _tf1_variable("kernel", [inputs.shape[-1], units], dtype,
                                        kernel_initializer, _tf1_glorot_uniform, trainable,
                                        kernel_constraint)
            self._regularize("kernel", kernel_regularizer)
            if use_bias:
                self.bias = _tf1_variable("bias", [units], dtype, bias_initializer,
                                          tf.zeros, trainable, bias_constraint)
                self._regularize("bias", bias_regularizer)
        outputs = _tf1_dense_matmul(tf.cast(inputs, dtype), self.kernel)
        if self.bias is not None:
            outputs = tf.nn.bias_add(outputs, self.bias)
        if activation is not None:
            outputs = activation(outputs)
        return outputs


def _contrib_variance_scaling_initializer(factor=2.0, mode="FAN_IN", uniform=False, seed=None, dtype=tf.float32):
    """tf.contrib.layers.variance_scaling_initializer (contrib's arithmetic, same values in plain TF2)."""
    if mode not in ("FAN_IN", "FAN_OUT", "FAN_AVG"):
        raise TypeError("Unknown mode %s [FAN_IN, FAN_OUT, FAN_AVG]" % mode)

    def init(shape, dtype=dtype, partition_info=None):
        import math
        shape = [int(d) for d in shape]
        if shape:
            fan_in = float(shape[-2]) if len(shape) > 1 else float(shape[-1])
            fan_out = float(shape[-1])
        else:
            fan_in = fan_out = 1.0
        for dim in shape[:-2]:
            fan_in *= float(dim)
            fan_out *= float(dim)
        if mode == "FAN_IN":
            n = fan_in
        elif mode == "FAN_OUT":
            n = fan_out
        else:
            n = (fan_in + fan_out) / 2.0
        if uniform:
            limit = math.sqrt(3.0 * factor / n)
            return tf.random.uniform(shape, -limit, limit, dtype, seed=seed)
        trunc_stddev = math.sqrt(1.3 * factor / n)
        return tf.random.truncated_normal(shape, 0.0, trunc_stddev, dtype, seed=seed)
    return init


def _contrib_xavier_initializer(uniform=True, seed=None, dtype=tf.float32):
    """tf.contrib.layers.xavier_initializer (contrib's arithmetic, same values in plain TF2)."""
    return _contrib_variance_scaling_initializer(1.0, "FAN_AVG", uniform, seed, dtype)


class GetTokenEmbeddings(tf.Module):
    def __init__(self, name='shared_weight_matrix'):
        super().__init__(name=name)
        self.weight_mat = None

    @tf.Module.with_name_scope
    def __call__(self, vocab_size, num_units, zero_pad=True):
        if self.weight_mat is None:
            self.weight_mat = tf.Variable(_contrib_xavier_initializer()((vocab_size, num_units), dtype=tf.float32), name="weight_mat")
        embeddings = self.weight_mat
        if zero_pad:
            embeddings = tf.concat((tf.zeros(shape=[1, num_units]), embeddings[1:, :]), 0)
        return embeddings


class LanguageModelInit(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.shared_weight_matrix = GetTokenEmbeddings()

    def __call__(self, owner, vocab_size, d_model):
        owner.d_model = d_model
        owner._compute_embeddings = lambda: self.shared_weight_matrix(vocab_size, d_model, zero_pad=True)
        owner._compute_embeddings()  # makes its variables here, under the constructor's scopes


class Logits(tf.Module):
    def __init__(self, name='decoder'):
        super().__init__(name=name)
        with self.name_scope:
            self.dense = Dense(name='dense')

    @tf.Module.with_name_scope
    def __call__(self, owner, ids):
        h = tf.nn.embedding_lookup(owner.embeddings, ids) * owner.d_model ** 0.5
        h = self.dense(h, owner.d_model, activation=tf.tanh)
        return tf.einsum("ntd,dk->ntk", h, tf.transpose(owner.embeddings))


class LanguageModel(tf.Module):
    """The decoder shares its output projection with the zero-padded embedding table."""

    def __init__(self, vocab_size, d_model):
        if '_logits_module' not in self.__dict__:
            super().__init__()
            self._constructor_module = {}
            self._logits_module = {}
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._constructor_module:
            self._constructor_module[key] = LanguageModelInit()
        self._constructor_module[key](self, vocab_size, d_model)

    @property
    def embeddings(self):
        # TF1's graph recomputed this tensor from the variables on every run
        return self._compute_embeddings()

    def logits(self, ids):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._logits_module:
            self._logits_module[key] = Logits()
        return self._logits_module[key](self, ids)
