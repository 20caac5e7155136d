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


class ConvBn(tf.Module):
    def __init__(self, name):
        super().__init__(name=name)
        with self.name_scope:
            self.conv1d = Conv1D(name='conv1d')
            self.batch_normalization = BatchNormalization(name='batch_normalization')

    @tf.Module.with_name_scope
    def __call__(self, inputs, width, channels, is_training):
        h = self.conv1d(inputs, channels, width, activation=tf.nn.relu, padding="same")
        return self.batch_normalization(h, training=is_training)


class FilterBank(tf.Module):
    """A speech-style bank of convolutions of widths 1..max_width, built by a comprehension."""
    def __init__(self, name='filter_bank'):
        super().__init__(name=name)
        self.conv_w = {}
        self.gate = {}

    @tf.Module.with_name_scope
    def __call__(self, inputs, is_training, max_width=3):
        conv_bn_outputs = []
        for w in range(1, max_width + 1):
            if "conv_w%d" % w not in self.conv_w:
                with tf.init_scope():
                    self.conv_w["conv_w%d" % w] = ConvBn(name="conv_w%d" % w)
            conv_bn_outputs.append(self.conv_w["conv_w%d" % w](inputs, w, 4, is_training))
        stacked = tf.concat(
            conv_bn_outputs,
            axis=-1)
        gates = []
        for i in range(2):
            if "gate_%d" % i not in self.gate:
                self.gate["gate_%d" % i] = Dense(name="gate_%d" % i)
            gates.append(self.gate["gate_%d" % i](stacked, 1, activation=tf.nn.sigmoid))
        return stacked * tf.add_n(gates)
