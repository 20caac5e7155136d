import tensorflow as tf
import math


def _contrib_regularizer_scale(scale):
    """contrib's check of a regularizer scale: True when the scale disables the regularizer."""
    import numbers
    if isinstance(scale, numbers.Integral):
        raise ValueError("scale cannot be an integer: %s" % (scale,))
    if isinstance(scale, numbers.Real):
        if scale < 0.:
            raise ValueError("Setting a scale less than 0 on a regularizer: %g." % scale)
        return scale == 0.
    return False


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


def _contrib_l2_regularizer(scale, scope=None):
    """tf.contrib.layers.l2_regularizer: scale * sum(w ** 2) / 2 (tf.nn.l2_loss; not Keras' L2)."""
    if _contrib_regularizer_scale(scale):
        return lambda _: None

    def l2(weights):
        my_scale = tf.convert_to_tensor(scale, dtype=weights.dtype.base_dtype)
        return tf.multiply(my_scale, tf.nn.l2_loss(weights))
    return l2


def _contrib_flatten(inputs, outputs_collections=None, scope=None):
    """tf.contrib.layers.flatten: [batch, everything else] (static when the shape is known)."""
    inputs = tf.convert_to_tensor(inputs)
    rest = inputs.shape[1:]
    if rest.is_fully_defined():
        return tf.reshape(inputs, [-1, rest.num_elements()])
    return tf.reshape(inputs, [tf.shape(inputs)[0], -1])


def _contrib_max_pool2d(inputs, kernel_size, stride=2, padding="VALID", data_format="NHWC",
                        outputs_collections=None, scope=None):
    """tf.contrib.layers.max_pool2d (stride 2 and VALID by default)."""
    return tf.nn.max_pool2d(inputs, kernel_size, stride, padding.upper(), data_format)


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


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class VggLike(tf.Module):
    def __init__(self, name='vgg'):
        super().__init__(name=name)
        self.block_conv = {}
        with self.name_scope:
            self.fc6 = FullyConnected(name="fc6")
            self.logits = FullyConnected(name="logits")

    @tf.Module.with_name_scope
    def __call__(self, images, num_classes=5, depth=3):
        net = images
        for i in range(depth):
            with _tf1_scope(f"block{i + 1}"):
                if f"block{i + 1}" not in self.block_conv:
                    self.block_conv[f"block{i + 1}"] = ContribConv2D(name="conv")
                net = self.block_conv[f"block{i + 1}"](net, 4 * (i + 1), [3, 3])
                net = _contrib_max_pool2d(net, [2, 2], scope="pool")
        net = _contrib_flatten(net)
        net = self.fc6(net, 16, weights_regularizer=_contrib_l2_regularizer(1e-4))
        net = _contrib_dropout(net, 0.5, is_training=False, scope="dropout6")
        return self.logits(net, num_classes, activation_fn=None)
