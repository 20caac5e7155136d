import tensorflow as tf
import math


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


class Conv2d(tf.Module):
    """Conditional-GAN's ops.py: contrib imported by name, from where it is defined."""
    def __init__(self, name="conv2d"):
        super().__init__(name=name)
        self.w = None
        self.biases = None

    @tf.Module.with_name_scope
    def __call__(self, input_, output_dim, k_h=3, k_w=3, d_h=2, d_w=2):
        if self.w is None:
            self.w = tf.Variable(_contrib_variance_scaling_initializer()([k_h, k_w, input_.shape[-1], output_dim], dtype=tf.float32), name='w')
        w = self.w
        conv = tf.nn.conv2d(input_, filters=w, strides=[1, d_h, d_w, 1], padding='SAME')
        if self.biases is None:
            self.biases = tf.Variable(tf.constant_initializer(0.0)([output_dim], dtype=tf.float32), name='biases')
        biases = self.biases
        return tf.nn.bias_add(conv, biases)


class BatchNormal(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.scope = {}

    def __call__(self, input, scope="scope", reuse=False):
        if scope not in self.scope:
            self.scope[scope] = ContribBatchNorm(name=scope)
        return self.scope[scope](input, epsilon=1e-5, decay=0.9, scale=True, updates_collections=None)


class Discriminator(tf.Module):
    def __init__(self, name='discriminator'):
        super().__init__(name=name)
        with self.name_scope:
            self.dis_h0_conv = Conv2d(name='dis_h0_conv')
            self.dis_h1_conv = Conv2d(name='dis_h1_conv')
            self.batch_normal = BatchNormal()

    @tf.Module.with_name_scope
    def __call__(self, images):
        h0 = tf.nn.leaky_relu(self.dis_h0_conv(images, 4))
        h1 = tf.nn.leaky_relu(self.batch_normal(self.dis_h1_conv(h0, 8), scope='dis_bn1'))
        return tf.reduce_mean(h1, axis=[1, 2])


class Gan(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.discriminator = Discriminator()

    def __call__(self, real, fake):
        return self.discriminator(real), self.discriminator(fake)
