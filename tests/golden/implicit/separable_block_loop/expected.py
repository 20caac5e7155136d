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



class Conv2D(_Convolution):
    """tf.layers.conv2d: `conv2d/kernel` [kh, kw, in, filters] (glorot uniform), `conv2d/bias`."""

    _rank = 2

    def __init__(self, name=None):
        super().__init__(name=name or "conv2d")

    @tf.Module.with_name_scope
    def __call__(self, inputs, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", dilation_rate=(1, 1), activation=None,
                 use_bias=True, kernel_initializer=None, bias_initializer=tf.zeros,
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, trainable=True):
        _no_activity_regularizer(activity_regularizer)
        outputs = self._convolve(inputs, filters, kernel_size, strides, padding, data_format,
                                 dilation_rate, use_bias, kernel_initializer, bias_initializer,
                                 kernel_regularizer, bias_regularizer, kernel_constraint,
                                 bias_constraint, trainable)
        return activation(outputs) if activation is not None else outputs



def _tf1_causal_padding(inputs, kernel, dilation, channels_first):
    """tf_keras' causal padding of a 1-D convolution: dilation * (kernel - 1) zeros on the left."""
    left = dilation * (kernel - 1)
    pads = [[0, 0], [0, 0], [left, 0]] if channels_first else [[0, 0], [left, 0], [0, 0]]
    return tf.pad(inputs, pads)



class _SeparableConvolution(_Regularized):
    """The depthwise-separable convolution of tf.layers separable_conv1d/2d and contrib
    separable_conv2d: depthwise kernel kernel_size + (in, depth_multiplier), pointwise kernel
    (1,) * rank + (in * depth_multiplier, filters), tf.nn.separable_conv2d (1-D input as a
    height-1 image, as tf_keras did), then bias_add."""

    _rank = 2
    _depthwise_name, _pointwise_name, _bias_name = "depthwise_kernel", "pointwise_kernel", "bias"
    _default_kernel_initializer = staticmethod(_tf1_glorot_uniform)

    def __init__(self, name=None):
        super().__init__(name=name)
        self.depthwise_kernel = None
        self.pointwise_kernel = None
        self.bias = None
        self._regularized = []

    def _separable(self, inputs, filters, kernel_size, strides, padding, data_format,
                   dilation_rate, depth_multiplier, use_bias, initializers, regularizers,
                   constraints, trainable):
        inputs = tf.convert_to_tensor(inputs)
        dtype = _layer_dtype(inputs)
        rank = self._rank
        channels_first = _tf1_data_format(data_format, rank).startswith("NC")
        channels = inputs.shape[1] if channels_first else inputs.shape[-1]
        kernel_size = _tf1_tuple(kernel_size, rank)
        if self.depthwise_kernel is None:
            def make(attribute, name, shape, default):
                variable = _tf1_variable(name, shape, dtype, initializers[attribute], default,
                                         trainable, constraints.get(attribute))
                setattr(self, attribute, variable)
                self._regularize(attribute, regularizers.get(attribute))

            make("depthwise_kernel", self._depthwise_name,
                 list(kernel_size) + [channels, depth_multiplier],
                 self._default_kernel_initializer)
            make("pointwise_kernel", self._pointwise_name,
                 [1] * rank + [channels * depth_multiplier, filters],
                 self._default_kernel_initializer)
            if use_bias:
                make("bias", self._bias_name, [filters], tf.zeros)
        strides = _tf1_tuple(strides, rank)
        dilations = _tf1_tuple(dilation_rate, rank)
        x = tf.cast(inputs, dtype)
        depthwise, pointwise = self.depthwise_kernel, self.pointwise_kernel
        padding = padding.upper()
        if rank == 1:
            if padding == "CAUSAL":
                x = _tf1_causal_padding(x, kernel_size[0], dilations[0], channels_first)
                padding = "VALID"
            spatial = 2 if channels_first else 1
            x = tf.expand_dims(x, spatial)
            depthwise = tf.expand_dims(depthwise, 0)
            pointwise = tf.expand_dims(pointwise, 0)
            strides = strides * 2  # tf_keras: (s, s) on the height-1 image
            dilations = (1,) + dilations
        fmt = "NCHW" if channels_first else "NHWC"
        op_strides = (1, 1) + strides if channels_first else (1,) + strides + (1,)
        outputs = tf.nn.separable_conv2d(x, depthwise, pointwise, strides=op_strides,
                                         padding=padding, data_format=fmt, dilations=dilations)
        if self.bias is not None:
            outputs = tf.nn.bias_add(outputs, self.bias, data_format=fmt)
        if rank == 1:
            outputs = tf.squeeze(outputs, [spatial])
        return outputs



class SeparableConv2D(_SeparableConvolution):
    """tf.layers.separable_conv2d (and the class tf.layers.SeparableConv2D):
    `separable_conv2d/depthwise_kernel` [kh, kw, in, depth_multiplier], `pointwise_kernel`
    [1, 1, in * depth_multiplier, filters] (both glorot uniform), `bias`."""

    _rank = 2

    def __init__(self, name=None):
        super().__init__(name=name or "separable_conv2d")

    @tf.Module.with_name_scope
    def __call__(self, inputs, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", dilation_rate=(1, 1), depth_multiplier=1,
                 activation=None, use_bias=True, depthwise_initializer=None,
                 pointwise_initializer=None, bias_initializer=tf.zeros,
                 depthwise_regularizer=None, pointwise_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, depthwise_constraint=None,
                 pointwise_constraint=None, bias_constraint=None, trainable=True):
        _no_activity_regularizer(activity_regularizer)
        outputs = self._separable(
            inputs, filters, kernel_size, strides, padding, data_format, dilation_rate,
            depth_multiplier, use_bias,
            {"depthwise_kernel": depthwise_initializer, "pointwise_kernel": pointwise_initializer,
             "bias": bias_initializer},
            {"depthwise_kernel": depthwise_regularizer, "pointwise_kernel": pointwise_regularizer,
             "bias": bias_regularizer},
            {"depthwise_kernel": depthwise_constraint, "pointwise_kernel": pointwise_constraint,
             "bias": bias_constraint}, trainable)
        return activation(outputs) if activation is not None else outputs



class SeparableConv1D(_SeparableConvolution):
    """tf.layers.separable_conv1d (and the class tf.layers.SeparableConv1D):
    `separable_conv1d/depthwise_kernel` [k, in, depth_multiplier], `pointwise_kernel`
    [1, in * depth_multiplier, filters], `bias`; padding may also be 'causal'."""

    _rank = 1

    def __init__(self, name=None):
        super().__init__(name=name or "separable_conv1d")

    @tf.Module.with_name_scope
    def __call__(self, inputs, filters, kernel_size, strides=1, padding="valid",
                 data_format="channels_last", dilation_rate=1, depth_multiplier=1,
                 activation=None, use_bias=True, depthwise_initializer=None,
                 pointwise_initializer=None, bias_initializer=tf.zeros,
                 depthwise_regularizer=None, pointwise_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, depthwise_constraint=None,
                 pointwise_constraint=None, bias_constraint=None, trainable=True):
        _no_activity_regularizer(activity_regularizer)
        outputs = self._separable(
            inputs, filters, kernel_size, strides, padding, data_format, dilation_rate,
            depth_multiplier, use_bias,
            {"depthwise_kernel": depthwise_initializer, "pointwise_kernel": pointwise_initializer,
             "bias": bias_initializer},
            {"depthwise_kernel": depthwise_regularizer, "pointwise_kernel": pointwise_regularizer,
             "bias": bias_regularizer},
            {"depthwise_kernel": depthwise_constraint, "pointwise_kernel": pointwise_constraint,
             "bias": bias_constraint}, trainable)
        return activation(outputs) if activation is not None else outputs


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class SeparableStack(tf.Module):
    def __init__(self, name='entry_flow'):
        super().__init__(name=name)
        self.block_separable_conv2d = {}
        self.block_separable_conv2d_1 = {}
        with self.name_scope:
            self.project = Conv2D(name="project")
            self.head = SeparableConv1D(name="head")

    @tf.Module.with_name_scope
    def __call__(self, x, depth=3, filters=8):
        x = self.project(x, filters, 1)
        for i in range(depth):
            with _tf1_scope("block_%d" % i):
                if "block_%d" % i not in self.block_separable_conv2d:
                    self.block_separable_conv2d["block_%d" % i] = SeparableConv2D(name='separable_conv2d')
                y = self.block_separable_conv2d["block_%d" % i](x, filters, 3, padding="same",
                                               activation=tf.nn.relu)
                if "block_%d" % i not in self.block_separable_conv2d_1:
                    self.block_separable_conv2d_1["block_%d" % i] = SeparableConv2D(name='separable_conv2d_1')
                y = self.block_separable_conv2d_1["block_%d" % i](y, filters, 3, padding="same",
                                               depth_multiplier=2)
                x = x + y
        return self.head(tf.reduce_mean(x, axis=1), 4, 3, padding="same")
