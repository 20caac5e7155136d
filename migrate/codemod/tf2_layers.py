"""Plain-TF2 modules that reproduce TF1's implicit creators (tf.layers, contrib/slim).

This file is a *template*: the codemod never imports it. `migrate.codemod.creators.library_source`
reads it as text and copies the top-level definitions a migrated tree needs (and the helpers
they use) into the output, so every definition here must be plain TF2, self-contained and
independent of `migrate`.

Convention (the codemod's own generated classes follow it too): `__init__(name=None)` only
names the module; `__call__(inputs, <the legacy parameters, same order and defaults>)` creates
the variables on the first call from the input shape (names as TF1 spelled them:
`scope/dense/kernel:0`) and nothing on later calls. Initial values are drawn with TF1's
arithmetic (`_tf1_*` helpers), so they are identical under the same seeds.
"""

import math

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


def _tf1_deconv_length(length, kernel, padding, stride):
    """tf_keras conv_utils.deconv_output_length without output_padding (what TF1 used)."""
    if padding == "valid":
        return length * stride + max(kernel - stride, 0)
    return length * stride


class _Deconvolution(_Regularized):
    """The transposed convolution of tf.layers / contrib conv2d_transpose: kernel
    [kh, kw, filters, in_channels], tf.nn.conv2d_transpose (NHWC), then bias_add."""

    _kernel_name, _bias_name = "kernel", "bias"
    _default_kernel_initializer = staticmethod(_tf1_glorot_uniform)

    def __init__(self, name=None):
        super().__init__(name=name)
        self.kernel = None
        self.bias = None
        self._regularized = []

    def _deconvolve(self, inputs, filters, kernel_size, strides, padding, data_format, use_bias,
                    kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,
                    kernel_constraint, bias_constraint, trainable):
        if data_format not in ("channels_last", "NHWC", None):
            raise NotImplementedError("conv2d_transpose: only channels_last (NHWC) is supported")
        inputs = tf.convert_to_tensor(inputs)
        dtype = _layer_dtype(inputs)
        kh, kw = _tf1_tuple(kernel_size, 2)
        sh, sw = _tf1_tuple(strides, 2)
        padding = padding.lower()
        if self.kernel is None:
            self.kernel = _tf1_variable(self._kernel_name, [kh, kw, filters, inputs.shape[-1]],
                                        dtype, kernel_initializer,
                                        self._default_kernel_initializer, trainable,
                                        kernel_constraint)
            self._regularize("kernel", kernel_regularizer)
            if use_bias:
                self.bias = _tf1_variable(self._bias_name, [filters], dtype, bias_initializer,
                                          tf.zeros, trainable, bias_constraint)
                self._regularize("bias", bias_regularizer)
        height, width = inputs.shape[1], inputs.shape[2]
        output_shape = tf.stack([tf.shape(inputs)[0],
                                 _tf1_deconv_length(height, kh, padding, sh),
                                 _tf1_deconv_length(width, kw, padding, sw), filters])
        outputs = tf.nn.conv2d_transpose(tf.cast(inputs, dtype), self.kernel, output_shape,
                                         strides=(1, sh, sw, 1), padding=padding.upper())
        if self.bias is not None:
            outputs = tf.nn.bias_add(outputs, self.bias)
        return outputs


class Conv2DTranspose(_Deconvolution):
    """tf.layers.conv2d_transpose: `conv2d_transpose/kernel` [kh, kw, filters, in], `.../bias`."""

    def __init__(self, name=None):
        super().__init__(name=name or "conv2d_transpose")

    @tf.Module.with_name_scope
    def __call__(self, inputs, filters, kernel_size, strides=(1, 1), padding="valid",
                 data_format="channels_last", activation=None, use_bias=True,
                 kernel_initializer=None, bias_initializer=tf.zeros,
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, trainable=True):
        _no_activity_regularizer(activity_regularizer)
        outputs = self._deconvolve(inputs, filters, kernel_size, strides, padding, data_format,
                                   use_bias, kernel_initializer, bias_initializer,
                                   kernel_regularizer, bias_regularizer, kernel_constraint,
                                   bias_constraint, trainable)
        return activation(outputs) if activation is not None else outputs


def _tf1_fused_batch_norm(x, scale, offset, mean, variance, epsilon, training, data_format):
    """TF1's nn.fused_batch_norm (the FusedBatchNormV3 kernel both tf.layers and slim ran):
    (output, batch mean, batch variance with Bessel's correction) in training mode."""
    if training:
        mean = variance = tf.constant([], dtype=scale.dtype)
    y, batch_mean, batch_variance, _, _, _ = tf.raw_ops.FusedBatchNormV3(
        x=x, scale=scale, offset=offset, mean=mean, variance=variance,
        epsilon=epsilon, exponential_avg_factor=1.0,  # TF 2.x's kernel no longer raises it to 1.001e-5
        data_format=data_format, is_training=training)
    return y, batch_mean, batch_variance


def _tf1_moving_average(variable, value, decay):
    """TF1's update: variable -= (variable - value) * decay."""
    decay = tf.cast(decay, variable.dtype)
    variable.assign_sub((variable - tf.cast(value, variable.dtype)) * decay)


def _tf1_static_bool(flag):
    """A training flag as a Python bool when it is known while tracing (a bool, an eager or
    constant tensor), else None: a tensor fed at run time (an `is_training` placeholder)."""
    if not tf.is_tensor(flag):  # a Python or NumPy bool
        return bool(flag)
    value = tf.get_static_value(flag)
    return None if value is None else bool(value)


def _tf1_smart_cond(flag, branch):
    """TF1's smart_cond: `branch(flag)` for a known flag; for a run-time tensor both branches,
    chosen by tf.cond (the moving averages are updated only in the training branch, as TF1's
    update ops were)."""
    known = _tf1_static_bool(flag)
    if known is not None:
        return branch(known)
    return tf.cond(tf.cast(flag, tf.bool), lambda: branch(True), lambda: branch(False))


class _BatchNorm(_Regularized):
    """Batch normalisation as TF1 ran it. Variables: gamma, beta (trainable), moving_mean,
    moving_variance (not trainable). Training mode normalises with the batch statistics and
    applies the moving-average update in the call (TF1 put it in UPDATE_OPS)."""

    def __init__(self, name=None):
        super().__init__(name=name)
        self.gamma = None
        self.beta = None
        self.moving_mean = None
        self.moving_variance = None
        self._regularized = []

    def _build(self, params_shape, dtype, center, scale, initializers, regularizers,
               constraints, trainable, gamma_first):
        def make(which):
            variable = _tf1_variable(which, params_shape, dtype, initializers[which], None,
                                     trainable, constraints.get(which))
            self._regularize(which, regularizers.get(which))
            return variable

        if gamma_first and scale:
            self.gamma = make("gamma")
        if center:
            self.beta = make("beta")
        if not gamma_first and scale:
            self.gamma = make("gamma")
        self.moving_mean = _tf1_variable("moving_mean", params_shape, dtype,
                                         initializers["moving_mean"], None, False)
        self.moving_variance = _tf1_variable("moving_variance", params_shape, dtype,
                                             initializers["moving_variance"], None, False)

    def _scale_offset(self, params_shape, dtype):
        gamma = self.gamma if self.gamma is not None else tf.ones(params_shape, dtype)
        beta = self.beta if self.beta is not None else tf.zeros(params_shape, dtype)
        return gamma, beta

    def _fused(self, inputs, data_format, epsilon, training, decay, params_shape):
        gamma, beta = self._scale_offset(params_shape, inputs.dtype)

        def run(training):
            outputs, mean, variance = _tf1_fused_batch_norm(
                inputs, gamma, beta, self.moving_mean, self.moving_variance, epsilon, training,
                data_format)
            if training:
                _tf1_moving_average(self.moving_mean, mean, decay)
                _tf1_moving_average(self.moving_variance, variance, decay)
            return outputs

        return _tf1_smart_cond(training, run)

    def _moments(self, inputs, axis, epsilon, training, decay):
        """tf_keras' non-fused path: tf.nn.moments (biased variance, also for the update)."""
        rank = inputs.shape.rank
        reduction_axes = [i for i in range(rank) if i != axis]
        broadcast = axis != rank - 1

        def shaped(v):
            if v is None or not broadcast:
                return v
            shape = [1] * rank
            shape[axis] = inputs.shape[axis]
            return tf.reshape(v, shape)

        def run(training):
            if training:
                mean, variance = tf.nn.moments(inputs, reduction_axes)
                _tf1_moving_average(self.moving_mean, mean, decay)
                _tf1_moving_average(self.moving_variance, variance, decay)
            else:
                mean, variance = self.moving_mean, self.moving_variance
            return tf.nn.batch_normalization(inputs, shaped(mean), shaped(variance),
                                             shaped(self.beta), shaped(self.gamma), epsilon)

        return _tf1_smart_cond(training, run)


def _keras_batch_norm(module, inputs, axis, momentum, epsilon, center, scale, initializers,
                      regularizers, constraints, training, trainable, fused):
    """tf_keras' legacy BatchNormalization (tf.layers.batch_normalization, and contrib
    batch_norm on 4-D input with UPDATE_OPS): fused on 4-D/5-D input with the channel axis
    first or last (the fused op's Bessel-corrected variance updates moving_variance, and the
    decay is 1 - momentum computed in float32), else tf.nn.moments."""
    inputs = tf.convert_to_tensor(inputs)
    dtype = _layer_dtype(inputs)
    rank = inputs.shape.rank
    axis = axis % rank
    params_shape = [inputs.shape[axis]]
    if module.moving_mean is None:
        module._build(params_shape, dtype, center, scale, initializers, regularizers,
                      constraints, trainable, gamma_first=True)
    formats = {(4, 3): "NHWC", (4, 1): "NCHW", (5, 4): "NDHWC", (5, 1): "NCDHW"}
    # tf_keras' V1 layer fuses only float16 / bfloat16 / float32 (float64 runs tf.nn.moments,
    # also with fused=True: _fused_can_be_used decides at build time)
    fusable = dtype in (tf.float16, tf.bfloat16, tf.float32)
    if fused is not False and fusable and (rank, axis) in formats:
        decay = 1.0 - tf.constant(momentum, tf.float32)  # TF1: a float32 tensor op
        return module._fused(inputs, formats[(rank, axis)], epsilon, training, decay,
                             params_shape)
    return module._moments(inputs, axis, epsilon, training, 1.0 - momentum)


class BatchNormalization(_BatchNorm):
    """tf.layers.batch_normalization: `batch_normalization/{gamma,beta,moving_mean,
    moving_variance}`; momentum 0.99, epsilon 1e-3, training=False by default."""

    def __init__(self, name=None):
        super().__init__(name=name or "batch_normalization")

    @tf.Module.with_name_scope
    def __call__(self, inputs, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer=tf.zeros, gamma_initializer=tf.ones,
                 moving_mean_initializer=tf.zeros,
                 moving_variance_initializer=tf.ones, beta_regularizer=None,
                 gamma_regularizer=None, beta_constraint=None, gamma_constraint=None,
                 training=False, trainable=True, renorm=False, renorm_clipping=None,
                 renorm_momentum=0.99, fused=None, virtual_batch_size=None, adjustment=None):
        if renorm or virtual_batch_size is not None or adjustment is not None:
            raise NotImplementedError("batch_normalization: renorm / virtual_batch_size / "
                                      "adjustment are not supported by the migrated layer")
        initializers = {"gamma": gamma_initializer, "beta": beta_initializer,
                        "moving_mean": moving_mean_initializer,
                        "moving_variance": moving_variance_initializer}
        return _keras_batch_norm(self, inputs, axis, momentum, epsilon, center, scale,
                                 initializers, {"gamma": gamma_regularizer, "beta": beta_regularizer},
                                 {"gamma": gamma_constraint, "beta": beta_constraint},
                                 training, trainable, fused)


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


class FullyConnected(Dense):
    """contrib/slim fully_connected: `fully_connected/weights` (xavier uniform),
    `fully_connected/biases`; ReLU unless activation_fn=None; no biases with a normalizer_fn."""

    def __init__(self, name=None):
        super().__init__(name=name or "fully_connected")

    @tf.Module.with_name_scope
    def __call__(self, inputs, num_outputs, activation_fn=tf.nn.relu, normalizer_fn=None,
                 normalizer_params=None, weights_initializer=None, weights_regularizer=None,
                 biases_initializer=tf.zeros, biases_regularizer=None,
                 variables_collections=None, outputs_collections=None, trainable=True):
        inputs = tf.convert_to_tensor(inputs)
        dtype = _layer_dtype(inputs)
        if self.kernel is None:
            self.kernel = _tf1_variable("weights", [inputs.shape[-1], num_outputs], dtype,
                                        weights_initializer, _contrib_xavier_uniform, trainable)
            self._regularize("kernel", weights_regularizer)
            if not normalizer_fn and biases_initializer:
                self.bias = _tf1_variable("biases", [num_outputs], dtype, biases_initializer,
                                          None, trainable)
                self._regularize("bias", biases_regularizer)
        outputs = _tf1_dense_matmul(tf.cast(inputs, dtype), self.kernel)
        if self.bias is not None:
            outputs = tf.nn.bias_add(outputs, self.bias)
        outputs = _contrib_normalize(outputs, normalizer_fn, normalizer_params, self)
        return activation_fn(outputs) if activation_fn is not None else outputs


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


class ContribConv2DTranspose(_Deconvolution):
    """contrib/slim conv2d_transpose: `Conv2d_transpose/weights` [kh, kw, out, in] (xavier
    uniform), `Conv2d_transpose/biases`; stride 1, padding 'SAME', ReLU by default."""

    _kernel_name, _bias_name = "weights", "biases"
    _default_kernel_initializer = staticmethod(_contrib_xavier_uniform)

    def __init__(self, name=None):
        super().__init__(name=name or "Conv2d_transpose")

    @tf.Module.with_name_scope
    def __call__(self, inputs, num_outputs, kernel_size, stride=1, padding="SAME",
                 data_format="NHWC", activation_fn=tf.nn.relu, normalizer_fn=None,
                 normalizer_params=None, weights_initializer=None, weights_regularizer=None,
                 biases_initializer=tf.zeros, biases_regularizer=None,
                 variables_collections=None, outputs_collections=None, trainable=True):
        use_bias = bool(not normalizer_fn and biases_initializer)
        outputs = self._deconvolve(inputs, num_outputs, kernel_size, stride, padding,
                                   data_format, use_bias, weights_initializer,
                                   biases_initializer, weights_regularizer, biases_regularizer,
                                   None, None, trainable)
        outputs = _contrib_normalize(outputs, normalizer_fn, normalizer_params, self)
        return activation_fn(outputs) if activation_fn is not None else outputs


class ContribBatchNorm(_BatchNorm):
    """contrib/slim batch_norm: `BatchNorm/beta`, `moving_mean`, `moving_variance` (gamma only
    with scale=True); decay 0.999, epsilon 0.001, is_training=True by default (moving averages
    updated in the call, as TF1's UPDATE_OPS or updates_collections=None did)."""

    def __init__(self, name=None):
        super().__init__(name=name or "BatchNorm")

    @tf.Module.with_name_scope
    def __call__(self, inputs, decay=0.999, center=True, scale=False, epsilon=0.001,
                 activation_fn=None, param_initializers=None, param_regularizers=None,
                 updates_collections="update_ops", is_training=True,
                 variables_collections=None, outputs_collections=None, trainable=True,
                 batch_weights=None, fused=None, data_format="NHWC",
                 zero_debias_moving_mean=False, renorm=False, renorm_clipping=None,
                 renorm_decay=0.99, adjustment=None):
        if (batch_weights is not None or renorm or adjustment is not None
                or zero_debias_moving_mean):
            raise NotImplementedError("batch_norm: batch_weights / renorm / adjustment / "
                                      "zero_debias_moving_mean are not supported by the "
                                      "migrated layer")
        inputs = tf.convert_to_tensor(inputs)
        rank = inputs.shape.rank
        initializers = {"gamma": tf.ones, "beta": tf.zeros,
                        "moving_mean": tf.zeros,
                        "moving_variance": tf.ones}
        initializers.update(param_initializers or {})
        regularizers = dict(param_regularizers or {})
        axis = 1 if data_format == "NCHW" else -1
        slim_fused = (fused is None or fused) and rank in (2, 4) and (
            rank == 2 or updates_collections != "update_ops")
        if not slim_fused:
            outputs = _keras_batch_norm(self, inputs, axis, decay, epsilon, center, scale,
                                        initializers, regularizers, {}, is_training,
                                        trainable, fused if fused is not None else True)
        else:
            # slim's own fused path (2-D input, or updates_collections other than UPDATE_OPS):
            # 2-D input as [N, 1, 1, C]; the decay is 1 - decay computed in Python.
            dtype = _layer_dtype(inputs)
            params_shape = [inputs.shape[axis]]
            if self.moving_mean is None:
                self._build(params_shape, dtype, center, scale, initializers, regularizers, {},
                            trainable, gamma_first=False)
            x = tf.reshape(inputs, [-1, 1, 1, inputs.shape[-1]]) if rank == 2 else inputs
            outputs = self._fused(x, data_format, epsilon, is_training, 1.0 - decay,
                                  params_shape)
            if rank == 2:
                outputs = tf.reshape(outputs, [-1 if d is None else d for d in inputs.shape])
        return activation_fn(outputs) if activation_fn is not None else outputs


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


class EmbedSequence(_Regularized):
    """contrib.layers.embed_sequence: `EmbedSequence/embeddings` [vocab_size, embed_dim]
    (glorot uniform by default), looked up with tf.nn.embedding_lookup."""

    def __init__(self, name=None):
        super().__init__(name=name or "EmbedSequence")
        self.embeddings = None
        self._regularized = []

    @tf.Module.with_name_scope
    def __call__(self, ids, vocab_size=None, embed_dim=None, unique=False, initializer=None,
                 regularizer=None, trainable=True):
        if self.embeddings is None:
            self.embeddings = _tf1_variable("embeddings", [vocab_size, embed_dim], tf.float32,
                                            initializer, _tf1_glorot_uniform, trainable)
            self._regularize("embeddings", regularizer)
        if unique:
            flat = tf.reshape(ids, [-1])
            unique_ids, index = tf.unique(flat)
            looked_up = tf.gather(tf.nn.embedding_lookup(self.embeddings, unique_ids), index)
            return tf.reshape(looked_up, tf.concat([tf.shape(ids), tf.shape(looked_up)[1:]], 0))
        return tf.nn.embedding_lookup(self.embeddings, ids)


# ---------------------------------------------------------------- 3-D and separable convolutions


def _channels_last_only(data_format, rank):
    """_Convolution adds the bias channels-last for rank 1 and 3: refuse what it would get wrong."""
    if _tf1_data_format(data_format, rank).startswith("NC"):
        raise NotImplementedError(f"{rank}-D convolution: only channels_last is supported by "
                                  "the migrated layer")


class Conv3D(_Convolution):
    """tf.layers.conv3d: `conv3d/kernel` [kd, kh, kw, in, filters] (glorot uniform),
    `conv3d/bias`."""

    _rank = 3

    def __init__(self, name=None):
        super().__init__(name=name or "conv3d")

    @tf.Module.with_name_scope
    def __call__(self, inputs, filters, kernel_size, strides=(1, 1, 1), padding="valid",
                 data_format="channels_last", dilation_rate=(1, 1, 1), activation=None,
                 use_bias=True, kernel_initializer=None, bias_initializer=tf.zeros,
                 kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                 kernel_constraint=None, bias_constraint=None, trainable=True):
        _channels_last_only(data_format, self._rank)
        _no_activity_regularizer(activity_regularizer)
        outputs = self._convolve(inputs, filters, kernel_size, strides, padding, data_format,
                                 dilation_rate, use_bias, kernel_initializer, bias_initializer,
                                 kernel_regularizer, bias_regularizer, kernel_constraint,
                                 bias_constraint, trainable)
        return activation(outputs) if activation is not None else outputs


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


class ContribConv3D(_Convolution):
    """contrib/slim conv3d (= convolution3d): `Conv/weights` [kd, kh, kw, in, out] (xavier
    uniform), `Conv/biases`; stride 1, padding 'SAME', ReLU unless activation_fn=None."""

    _rank = 3
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


# ---------------------------------------------------------------- instance norm, bias add


class InstanceNorm(_Regularized):
    """contrib/slim instance_norm: `InstanceNorm/beta`, `InstanceNorm/gamma` [channels];
    moments over the spatial axes of each example, epsilon 1e-6 by default."""

    def __init__(self, name=None):
        super().__init__(name=name or "InstanceNorm")
        self.beta = None
        self.gamma = None
        self._regularized = []

    @tf.Module.with_name_scope
    def __call__(self, inputs, center=True, scale=True, epsilon=1e-6, activation_fn=None,
                 param_initializers=None, variables_collections=None,
                 outputs_collections=None, trainable=True, data_format="NHWC"):
        inputs = tf.convert_to_tensor(inputs)
        rank = inputs.shape.rank
        dtype = inputs.dtype.base_dtype
        axis = 1 if data_format == "NCHW" else rank - 1
        initializers = {"beta": tf.zeros, "gamma": tf.ones, **(param_initializers or {})}
        if self.beta is None and self.gamma is None:
            if center:
                self.beta = _tf1_variable("beta", [inputs.shape[axis]], dtype,
                                          initializers["beta"], None, trainable)
            if scale:
                self.gamma = _tf1_variable("gamma", [inputs.shape[axis]], dtype,
                                           initializers["gamma"], None, trainable)
        beta, gamma = self.beta, self.gamma
        if axis == 1:  # NCHW: parameters broadcast as [1, C, 1, ...]
            shape = [1, inputs.shape[1]] + [1] * (rank - 2)
            beta = tf.reshape(beta, shape) if beta is not None else None
            gamma = tf.reshape(gamma, shape) if gamma is not None else None
        moments_axes = [i for i in range(1, rank) if i != axis]
        mean, variance = tf.nn.moments(inputs, moments_axes, keepdims=True)
        outputs = tf.nn.batch_normalization(inputs, mean, variance, beta, gamma, epsilon)
        return activation_fn(outputs) if activation_fn is not None else outputs


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
