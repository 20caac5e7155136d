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


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class InstanceNorm_2(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope = {}

    def __call__(self, x, scope="instance_norm"):
        if scope not in self.scope:
            self.scope[scope] = InstanceNorm(name=scope)
        return self.scope[scope](x, epsilon=1e-05, center=True, scale=True)


class Resblock(tf.Module):
    def __init__(self, name="resblock"):
        super().__init__(name=name)
        self.res1_conv2d = None
        self.res1_instance_norm = None
        self.res2_conv2d = None
        self.res2_instance_norm = None

    @tf.Module.with_name_scope
    def __call__(self, x, channels):
        with _tf1_scope("res1"):
            if self.res1_conv2d is None:
                self.res1_conv2d = Conv2D(name='conv2d')
            y = self.res1_conv2d(x, channels, 3, padding="same", use_bias=False)
            if self.res1_instance_norm is None:
                with tf.init_scope():
                    self.res1_instance_norm = InstanceNorm_2()
            y = tf.nn.relu(self.res1_instance_norm(y))
        with _tf1_scope("res2"):
            if self.res2_conv2d is None:
                self.res2_conv2d = Conv2D(name='conv2d')
            y = self.res2_conv2d(y, channels, 3, padding="same", use_bias=False)
            if self.res2_instance_norm is None:
                with tf.init_scope():
                    self.res2_instance_norm = InstanceNorm_2()
            y = self.res2_instance_norm(y)
        return x + y


class Generator(tf.Module):
    def __init__(self, name="generator"):
        super().__init__(name=name)
        self.resblock = {}
        with self.name_scope:
            self.conv_in = Conv2D(name="conv_in")
            self.instance_norm = InstanceNorm_2()
            self.conv_out = Conv2D(name="conv_out")

    @tf.Module.with_name_scope
    def __call__(self, x):
        h = self.conv_in(x, 8, 3, padding="same")
        h = tf.nn.relu(self.instance_norm(h, scope="ins_norm"))
        for i in range(2):
            if "resblock_%d" % i not in self.resblock:
                with tf.init_scope():
                    self.resblock["resblock_%d" % i] = Resblock(name="resblock_%d" % i)
            h = self.resblock["resblock_%d" % i](h, 8)
        return tf.nn.tanh(self.conv_out(h, 3, 3, padding="same"))


class Build(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.generator = Generator(name="generator")

    def __call__(self, real_a, real_b):
        return self.generator(real_a), self.generator(real_b)
