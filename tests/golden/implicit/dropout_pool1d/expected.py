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



def _tf1_tuple(value, rank):
    return tuple(value) if isinstance(value, (tuple, list)) else (value,) * rank



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



def _tf1_data_format(data_format, rank):
    """'channels_last' / 'channels_first' / 'NHWC' / None -> the TF op's data_format string."""
    channels_first = data_format in ("channels_first", "NCHW", "NCW", "NCDHW")
    spatial = {1: "W", 2: "HW", 3: "DHW"}[rank]
    return f"NC{spatial}" if channels_first else f"N{spatial}C"



class _Convolution(_Regularized):
    """The convolution tf.layers conv1d/conv2d/conv3d and contrib convolution run: kernel
    kernel_size + (in_channels, filters), tf.nn.convolution, then bias_add."""

    _rank = 2
    _kernel_name, _bias_name = "kernel", "bias"
    _default_kernel_initializer = staticmethod(_tf1_glorot_uniform)

    def __init__(self, name=None):
        super().__init__(name=name)
        self.kernel = None
        self.bias = None
        self._regularized = []

    def _convolve(self, inputs, filters, kernel_size, strides, padding, data_format,
                  dilation_rate, use_bias, kernel_initializer, bias_initializer,
                  kernel_regularizer, bias_regularizer, kernel_constraint, bias_constraint,
                  trainable):
        inputs = tf.convert_to_tensor(inputs)
        dtype = _layer_dtype(inputs)
        fmt = _tf1_data_format(data_format, self._rank)
        channels = inputs.shape[1] if fmt.startswith("NC") else inputs.shape[-1]
        if self.kernel is None:
            shape = list(_tf1_tuple(kernel_size, self._rank)) + [channels, filters]
            self.kernel = _tf1_variable(self._kernel_name, shape, dtype, kernel_initializer,
                                        self._default_kernel_initializer, trainable,
                                        kernel_constraint)
            self._regularize("kernel", kernel_regularizer)
            if use_bias:
                self.bias = _tf1_variable(self._bias_name, [filters], dtype, bias_initializer,
                                          tf.zeros, trainable, bias_constraint)
                self._regularize("bias", bias_regularizer)
        outputs = tf.nn.convolution(tf.cast(inputs, dtype), filters=self.kernel,
                                    strides=list(_tf1_tuple(strides, self._rank)),
                                    padding=padding.upper(),
                                    dilations=list(_tf1_tuple(dilation_rate, self._rank)),
                                    data_format=fmt)
        if self.bias is not None:
            outputs = tf.nn.bias_add(outputs, self.bias, data_format="NCHW" if fmt.startswith("NC") and self._rank == 2 else None)
        return outputs



class Conv1D(_Convolution):
    """tf.layers.conv1d: `conv1d/kernel` [k, in, filters] (glorot uniform), `conv1d/bias`."""

    _rank = 1

    def __init__(self, name=None):
        super().__init__(name=name or "conv1d")

    @tf.Module.with_name_scope
    def __call__(self, inputs, filters, kernel_size, strides=1, padding="valid",
                 data_format="channels_last", dilation_rate=1, activation=None,
                 use_bias=True, kernel_initializer=None, bias_initializer=tf.zeros,
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, trainable=True):
        _no_activity_regularizer(activity_regularizer)
        outputs = self._convolve(inputs, filters, kernel_size, strides, padding, data_format,
                                 dilation_rate, use_bias, kernel_initializer, bias_initializer,
                                 kernel_regularizer, bias_regularizer, kernel_constraint,
                                 bias_constraint, trainable)
        return activation(outputs) if activation is not None else outputs


def _contrib_flatten(inputs, outputs_collections=None, scope=None):
    """tf.contrib.layers.flatten: [batch, everything else] (static when the shape is known)."""
    inputs = tf.convert_to_tensor(inputs)
    rest = inputs.shape[1:]
    if rest.is_fully_defined():
        return tf.reshape(inputs, [-1, rest.num_elements()])
    return tf.reshape(inputs, [tf.shape(inputs)[0], -1])


def _layers_dropout(inputs, rate=0.5, noise_shape=None, seed=None, training=False, name=None):
    """tf.layers.dropout (tf_keras' Dropout): tf.nn.dropout when training (a bool, or a tensor
    chosen at run time), else the identity; a rate of 0 is the identity."""
    inputs = tf.convert_to_tensor(inputs)
    if not tf.is_tensor(rate) and rate == 0:
        return tf.identity(inputs)

    def dropped():
        shape = noise_shape
        if shape is not None:  # None entries take the input's own size
            shape = [tf.shape(inputs)[i] if d is None else d for i, d in enumerate(shape)]
        return tf.nn.dropout(inputs, noise_shape=shape, seed=seed, rate=rate)

    if not tf.is_tensor(training):
        return dropped() if training else tf.identity(inputs)
    return tf.cond(tf.cast(training, tf.bool), dropped, lambda: tf.identity(inputs))


def _contrib_dropout(inputs, keep_prob=0.5, noise_shape=None, is_training=True,
                     outputs_collections=None, scope=None, seed=None):
    """tf.contrib.layers.dropout: tf.layers' dropout with rate = 1 - keep_prob, in training
    mode by default."""
    return _layers_dropout(inputs, 1 - keep_prob, noise_shape, seed, is_training)


def _layers_pooling(pool, inputs, pool_size, strides, padding, data_format, rank):
    """tf.layers' pooling (tf_keras Pooling1D/2D/3D): sizes as tuples, padding upper-cased."""
    def spread(value):
        return tuple(value) if isinstance(value, (list, tuple)) else (value,) * rank

    formats = (None, ("NWC", "NCW"), ("NHWC", "NCHW"), ("NDHWC", "NCDHW"))[rank]
    data_format = formats[0] if data_format == "channels_last" else formats[1]
    return pool(inputs, spread(pool_size), spread(strides), padding.upper(), data_format=data_format)


def _layers_max_pooling1d(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
    """tf.layers.max_pooling1d."""
    return _layers_pooling(tf.nn.max_pool1d, inputs, pool_size, strides, padding, data_format, 1)


def _layers_average_pooling1d(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
    """tf.layers.average_pooling1d."""
    return _layers_pooling(tf.nn.avg_pool1d, inputs, pool_size, strides, padding, data_format, 1)


class TextCnn(tf.Module):
    def __init__(self, name='text_cnn'):
        super().__init__(name=name)
        with self.name_scope:
            self.conv = Conv1D(name="conv")
            self.logits = Dense(name="logits")

    @tf.Module.with_name_scope
    def __call__(self, embedded, training=False, keep_prob=0.7):
        h = self.conv(embedded, 6, 3, padding="same", activation=tf.nn.relu)
        h = _layers_max_pooling1d(h, 2, 2)
        h = _layers_average_pooling1d(h, pool_size=2, strides=1, padding="same")
        h = _layers_dropout(h, rate=0.4, training=training)
        h = _contrib_flatten(h)
        h = _contrib_dropout(h, keep_prob=keep_prob, is_training=training)
        return self.logits(h, 2)


# With training=True the outputs at the initial weights are equal too (the same random draw), but a
# TF1 Session re-running the graph draws a new mask while each eager call draws the first one
# again under DeterministicRandomTestTool: the perturbed-weights comparison cannot hold then.
