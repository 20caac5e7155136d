import math

import numpy as np
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


def static_shape(t):
    return [d if d is not None else -1 for d in t.shape.as_list()]


def to_grid(x, side, channels):
    return tf.reshape(x, [-1, side, side, channels])


def upsample(x, factor):
    _, h, w, _ = static_shape(x)
    return tf.compat.v1.image.resize_nearest_neighbor(x, (h * factor, w * factor))


class Decoder(tf.Module):
    """Unnamed slim layers numbered across a loop (Conv, Conv_1, ...), with numpy, math and
    the file's own tensor plumbing called between them: none of them opens a variable scope."""
    def __init__(self, name='dec'):
        super().__init__(name=name)
        self.conv = {}
        self.conv_2 = {}
        self.conv_3 = {}
        with self.name_scope:
            self.fully_connected = FullyConnected(name='fully_connected')

    @tf.Module.with_name_scope
    def __call__(self, z, width, blocks):
        units = int(np.prod([2, 2, width]))
        x = self.fully_connected(z, units, activation_fn=None)
        x = to_grid(x, 2, width)
        for i in range(blocks):
            if "Conv" + ("_%d" % (2 * i) if i else "") not in self.conv:
                self.conv["Conv" + ("_%d" % (2 * i) if i else "")] = ContribConv2D(name="Conv" + ("_%d" % (2 * i) if i else ""))
            x = self.conv["Conv" + ("_%d" % (2 * i) if i else "")](x, width, 3, 1, activation_fn=tf.nn.elu)
            if "Conv_%d" % (2 * i + 1) not in self.conv_2:
                self.conv_2["Conv_%d" % (2 * i + 1)] = ContribConv2D(name="Conv_%d" % (2 * i + 1))
            x = self.conv_2["Conv_%d" % (2 * i + 1)](x, width, 3, 1, activation_fn=tf.nn.elu)
            if i < blocks - 1:
                x = upsample(x, 2)
        scale = math.sqrt(2.0)
        if "Conv" + ("_%d" % (2 * blocks) if (2 * blocks) else "") not in self.conv_3:
            self.conv_3["Conv" + ("_%d" % (2 * blocks) if (2 * blocks) else "")] = ContribConv2D(name="Conv" + ("_%d" % (2 * blocks) if (2 * blocks) else ""))
        return self.conv_3["Conv" + ("_%d" % (2 * blocks) if (2 * blocks) else "")](x, 3, 3, 1, activation_fn=None) * scale


class Reconstruct(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.dec = Decoder()

    def __call__(self, z):
        return self.dec(z, 4, 2), self.dec(z, 4, 2)
