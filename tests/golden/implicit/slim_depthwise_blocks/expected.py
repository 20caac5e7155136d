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



def _contrib_xavier_uniform(shape, dtype):
    """contrib/slim xavier_initializer() (fully_connected's and conv2d's default weights init):
    contrib's own variance-scaling arithmetic, factor 1.0, FAN_AVG, uniform."""
    shape = list(shape)
    fan_in = float(shape[-2]) if len(shape) > 1 else float(shape[-1])
    fan_out = float(shape[-1])
    for dim in shape[:-2]:
        fan_in *= float(dim)
        fan_out *= float(dim)
    limit = math.sqrt(3.0 * 1.0 / ((fan_in + fan_out) / 2.0))
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



def _contrib_normalize(outputs, normalizer_fn, normalizer_params, owner=None):
    if normalizer_fn is None:
        return outputs
    if isinstance(normalizer_fn, type) and issubclass(normalizer_fn, tf.Module):
        # a migrated normalizer (normalizer_fn=slim.batch_norm): built once per layer, inside
        # the layer's scope (`Conv/BatchNorm/beta`, as TF1 named it)
        if getattr(owner, "normalizer", None) is None:
            owner.normalizer = normalizer_fn()
        return owner.normalizer(outputs, **(normalizer_params or {}))
    return normalizer_fn(outputs, **(normalizer_params or {}))



class ContribConv2D(_Convolution):
    """contrib/slim conv2d (= convolution2d): `Conv/weights` [kh, kw, in, out] (xavier uniform),
    `Conv/biases`; stride 1, padding 'SAME', ReLU unless activation_fn=None."""

    _rank = 2
    _kernel_name, _bias_name = "weights", "biases"
    _default_kernel_initializer = staticmethod(_contrib_xavier_uniform)

    def __init__(self, name=None):
        super().__init__(name=name or "Conv")

    @tf.Module.with_name_scope
    def __call__(self, inputs, num_outputs, kernel_size, stride=1, padding="SAME",
                 data_format=None, rate=1, activation_fn=tf.nn.relu, normalizer_fn=None,
                 normalizer_params=None, weights_initializer=None, weights_regularizer=None,
                 biases_initializer=tf.zeros, biases_regularizer=None,
                 variables_collections=None, outputs_collections=None, trainable=True):
        use_bias = bool(not normalizer_fn and biases_initializer)
        outputs = self._convolve(inputs, num_outputs, kernel_size, stride, padding, data_format,
                                 rate, use_bias, weights_initializer, biases_initializer,
                                 weights_regularizer, biases_regularizer, None, None, trainable)
        outputs = _contrib_normalize(outputs, normalizer_fn, normalizer_params, self)
        return activation_fn(outputs) if activation_fn is not None else outputs



def _channels_last_only(data_format, rank):
    """_Convolution adds the bias channels-last for rank 1 and 3: refuse what it would get wrong."""
    if _tf1_data_format(data_format, rank).startswith("NC"):
        raise NotImplementedError(f"{rank}-D convolution: only channels_last is supported by "
                                  "the migrated layer")



class ContribConv1D(_Convolution):
    """contrib/slim conv1d (= convolution1d): `Conv/weights` [k, in, out] (xavier uniform),
    `Conv/biases`; stride 1, padding 'SAME', ReLU unless activation_fn=None."""

    _rank = 1
    _kernel_name, _bias_name = "weights", "biases"
    _default_kernel_initializer = staticmethod(_contrib_xavier_uniform)

    def __init__(self, name=None):
        super().__init__(name=name or "Conv")

    @tf.Module.with_name_scope
    def __call__(self, inputs, num_outputs, kernel_size, stride=1, padding="SAME",
                 data_format=None, rate=1, activation_fn=tf.nn.relu, normalizer_fn=None,
                 normalizer_params=None, weights_initializer=None, weights_regularizer=None,
                 biases_initializer=tf.zeros, biases_regularizer=None,
                 variables_collections=None, outputs_collections=None, trainable=True):
        _channels_last_only(data_format, self._rank)
        use_bias = bool(not normalizer_fn and biases_initializer)
        outputs = self._convolve(inputs, num_outputs, kernel_size, stride, padding, data_format,
                                 rate, use_bias, weights_initializer, biases_initializer,
                                 weights_regularizer, biases_regularizer, None, None, trainable)
        outputs = _contrib_normalize(outputs, normalizer_fn, normalizer_params, self)
        return activation_fn(outputs) if activation_fn is not None else outputs



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



class ContribSeparableConv2D(_SeparableConvolution):
    """contrib/slim separable_conv2d (= separable_convolution2d):
    `SeparableConv2d/depthwise_weights`, `pointwise_weights` (xavier uniform; the pointwise
    initializer defaults to weights_initializer), `biases`; stride 1, padding 'SAME', ReLU by
    default. With num_outputs=None it is a depthwise convolution only (no pointwise weights;
    biases [in * depth_multiplier])."""

    _depthwise_name, _pointwise_name, _bias_name = ("depthwise_weights", "pointwise_weights",
                                                    "biases")
    _default_kernel_initializer = staticmethod(_contrib_xavier_uniform)

    def __init__(self, name=None):
        super().__init__(name=name or "SeparableConv2d")

    @tf.Module.with_name_scope
    def __call__(self, inputs, num_outputs, kernel_size, depth_multiplier=1, stride=1,
                 padding="SAME", data_format="NHWC", rate=1, activation_fn=tf.nn.relu,
                 normalizer_fn=None, normalizer_params=None, weights_initializer=None,
                 pointwise_initializer=None, weights_regularizer=None,
                 biases_initializer=tf.zeros, biases_regularizer=None,
                 variables_collections=None, outputs_collections=None, trainable=True):
        if pointwise_initializer is None:
            pointwise_initializer = weights_initializer
        if num_outputs is not None:
            outputs = self._separable(
                inputs, num_outputs, kernel_size, stride, padding, data_format, rate,
                depth_multiplier, bool(not normalizer_fn and biases_initializer),
                {"depthwise_kernel": weights_initializer,
                 "pointwise_kernel": pointwise_initializer, "bias": biases_initializer},
                {"depthwise_kernel": weights_regularizer,
                 "pointwise_kernel": weights_regularizer, "bias": biases_regularizer},
                {}, trainable)
        else:
            outputs = self._depthwise(inputs, kernel_size, depth_multiplier, stride, padding,
                                      data_format, rate, normalizer_fn, weights_initializer,
                                      weights_regularizer, biases_initializer,
                                      biases_regularizer, trainable)
        outputs = _contrib_normalize(outputs, normalizer_fn, normalizer_params, self)
        return activation_fn(outputs) if activation_fn is not None else outputs

    def _depthwise(self, inputs, kernel_size, depth_multiplier, stride, padding, data_format,
                   rate, normalizer_fn, weights_initializer, weights_regularizer,
                   biases_initializer, biases_regularizer, trainable):
        inputs = tf.convert_to_tensor(inputs)
        dtype = inputs.dtype.base_dtype
        channels_first = data_format.startswith("NC")
        channels = inputs.shape[1] if channels_first else inputs.shape[-1]
        if self.depthwise_kernel is None:
            self.depthwise_kernel = _tf1_variable(
                self._depthwise_name, list(_tf1_tuple(kernel_size, 2)) + [channels,
                                                                          depth_multiplier],
                dtype, weights_initializer, _contrib_xavier_uniform, trainable)
            self._regularize("depthwise_kernel", weights_regularizer)
            if normalizer_fn is None and biases_initializer is not None:
                self.bias = _tf1_variable(self._bias_name, [channels * depth_multiplier], dtype,
                                          biases_initializer, None, trainable)
                self._regularize("bias", biases_regularizer)
        sh, sw = _tf1_tuple(stride, 2)
        strides = [1, 1, sh, sw] if channels_first else [1, sh, sw, 1]
        outputs = tf.nn.depthwise_conv2d(inputs, self.depthwise_kernel, strides, padding,
                                         data_format=data_format,
                                         dilations=_tf1_tuple(rate, 2))
        if self.bias is not None:
            outputs = tf.nn.bias_add(outputs, self.bias, data_format=data_format)
        return outputs



class ContribBiasAdd(_Regularized):
    """contrib/slim bias_add: `BiasAdd/biases` [channels] (zeros by default), tf.nn.bias_add."""

    def __init__(self, name=None):
        super().__init__(name=name or "BiasAdd")
        self.bias = None
        self._regularized = []

    @tf.Module.with_name_scope
    def __call__(self, inputs, activation_fn=None, initializer=tf.zeros, regularizer=None,
                 variables_collections=None, outputs_collections=None, trainable=True,
                 data_format="NHWC"):
        inputs = tf.convert_to_tensor(inputs)
        axis = 1 if data_format == "NCHW" else -1
        if self.bias is None:
            self.bias = _tf1_variable("biases", [inputs.shape[axis]], inputs.dtype.base_dtype,
                                      initializer, None, trainable)
            self._regularize("bias", regularizer)
        outputs = tf.nn.bias_add(inputs, self.bias, data_format=data_format)
        return activation_fn(outputs) if activation_fn is not None else outputs


class DepthwiseBlock(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        with self.name_scope:
            self.depthwise = ContribSeparableConv2D(name="depthwise")
            self.pointwise = ContribConv2D(name="pointwise")

    @tf.Module.with_name_scope
    def __call__(self, net, depth, stride):
        net = self.depthwise(net, None, [3, 3], depth_multiplier=1, stride=stride)
        return self.pointwise(net, depth, [1, 1])


class MobileFeatures(tf.Module):
    def __init__(self, name='MobileNet'):
        super().__init__(name=name)
        self.conv2d = {}
        with self.name_scope:
            self.conv2d_0 = ContribConv2D(name="Conv2d_0")
            self.conv2d_sep = ContribSeparableConv2D(name="Conv2d_sep")
            self.conv1d = ContribConv1D(name="Conv1d")
            self.bias_add = ContribBiasAdd(name='BiasAdd')

    @tf.Module.with_name_scope
    def __call__(self, images):
        net = self.conv2d_0(images, 8, [3, 3], stride=2)
        for i, (depth, stride) in enumerate([(8, 1), (16, 2)]):
            if "Conv2d_%d" % (i + 1) not in self.conv2d:
                with tf.init_scope():
                    self.conv2d["Conv2d_%d" % (i + 1)] = DepthwiseBlock(name="Conv2d_%d" % (i + 1))
            net = self.conv2d["Conv2d_%d" % (i + 1)](net, depth, stride)
        net = self.conv2d_sep(net, 6, 3, activation_fn=None)
        net = self.conv1d(tf.reduce_mean(net, axis=1), 4, 2)
        return self.bias_add(net, activation_fn=tf.nn.tanh)
