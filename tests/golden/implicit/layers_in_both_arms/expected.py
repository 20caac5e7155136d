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



class LayerNorm(_Regularized):
    """contrib/slim layer_norm: `LayerNorm/beta`, `LayerNorm/gamma` over
    inputs.shape[begin_params_axis:]; moments over begin_norm_axis.., variance epsilon 1e-12."""

    def __init__(self, name=None):
        super().__init__(name=name or "LayerNorm")
        self.beta = None
        self.gamma = None
        self._regularized = []

    @tf.Module.with_name_scope
    def __call__(self, inputs, center=True, scale=True, activation_fn=None,
                 variables_collections=None, outputs_collections=None, trainable=True,
                 begin_norm_axis=1, begin_params_axis=-1):
        inputs = tf.convert_to_tensor(inputs)
        rank = inputs.shape.rank
        dtype = inputs.dtype.base_dtype
        if begin_norm_axis < 0:
            begin_norm_axis = rank + begin_norm_axis
        params_shape = inputs.shape[begin_params_axis:].as_list()
        if self.beta is None and self.gamma is None:
            if center:
                self.beta = _tf1_variable("beta", params_shape, dtype, tf.zeros,
                                          None, trainable)
            if scale:
                self.gamma = _tf1_variable("gamma", params_shape, dtype, tf.ones,
                                           None, trainable)
        mean, variance = tf.nn.moments(inputs, list(range(begin_norm_axis, rank)), keepdims=True)
        epsilon = 1e-12 if dtype != tf.float16 else 1e-3
        outputs = tf.nn.batch_normalization(inputs, mean, variance, offset=self.beta,
                                            scale=self.gamma, variance_epsilon=epsilon)
        return activation_fn(outputs) if activation_fn is not None else outputs


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


class EndLogits(tf.Module):
    """ALBERT's SQuAD head: the same named and unnamed layers in both arms of an if/else; one
    arm runs per call, so either may build them first (LayerNorm is the first of its name)."""
    def __init__(self, name='end_logits'):
        super().__init__(name=name)
        self.dense_0 = None
        self.layer_norm = None
        self.dense_1 = None

    @tf.Module.with_name_scope
    def __call__(self, output, start_features, is_training, hidden=6):
        if is_training:
            if self.dense_0 is None:
                self.dense_0 = Dense(name="dense_0")
            h = self.dense_0(tf.concat([output, start_features], -1), hidden,
                                activation=tf.tanh)
            if self.layer_norm is None:
                self.layer_norm = LayerNorm(name='LayerNorm')
            h = self.layer_norm(h, begin_norm_axis=-1)
            if self.dense_1 is None:
                self.dense_1 = Dense(name="dense_1")
            return self.dense_1(h, 1)
        else:
            if self.dense_0 is None:
                self.dense_0 = Dense(name="dense_0")
            h = self.dense_0(tf.concat([output, output * 2.0], -1), hidden,
                                activation=tf.tanh)
            if self.layer_norm is None:
                self.layer_norm = LayerNorm(name='LayerNorm')
            h = self.layer_norm(h, begin_norm_axis=-1)
            if self.dense_1 is None:
                self.dense_1 = Dense(name="dense_1")
            return self.dense_1(h, 1)


class AffineStack(tf.Module):
    """A variable first asked for in a loop and again after it: the loop may not turn."""
    def __init__(self, name='stack'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x, depth, use_bias=True):
        for _ in range(depth):
            if self.w is None:
                self.w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], x.shape[-1]], tf.float32), name="w")
            w = self.w
            x = tf.nn.tanh(tf.matmul(x, w))
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([x.shape[-1], x.shape[-1]], tf.float32), name="w")
        w = self.w
        return tf.matmul(x, w)


class Gate(tf.Module):
    """A variable each arm asks for with a shape of its own: whichever runs makes it."""
    def __init__(self, name='gate'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x, use_proj):
        if use_proj:
            n = x.shape[-1] * 2
            h = tf.concat([x, x], -1)
            if self.w is None:
                self.w = tf.Variable(_tf1_glorot_uniform_initializer()([n, 3], tf.float32), name="w")
            w = self.w
        else:
            h = x
            if self.w is None:
                self.w = tf.Variable(tf.ones_initializer()([x.shape[-1], 3], dtype=tf.float32), name="w")
            w = self.w
        return tf.matmul(h, w)
