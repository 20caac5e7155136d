"""Plain-TF2 helper functions inserted into a migrated file to keep TF1 initial values.

Each helper mirrors the TF1 initializer's *constructor* signature exactly (so a call site only
changes its callee), returns an `init(shape, dtype=None, partition_info=None)` callable, and
reproduces TF1's arithmetic operation by operation (`tensorflow/python/ops/init_ops.py`, v1
classes): the same fan rule, the same float expressions (`scale /= max(1., n)`,
`math.sqrt(3.0 * scale)`, the `.87962566103423978` truncation constant) and the same random op
with the same arguments, so values are bit-identical under the same seeds.
`tests/test_upgrade_initializers.py` checks this against TF1 in graph mode.
"""

from __future__ import annotations

_FANS = '''
def _tf1_fans(shape):
    """TF1 init_ops._compute_fans."""
    shape = {tf}.TensorShape(shape).as_list()
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
'''

_VARIANCE_SCALING = '''
def _tf1_variance_scaling_initializer(scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None, dtype={tf}.float32):
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
            return {tf}.random.truncated_normal(shape, 0.0, stddev, dtype, seed=seed)
        if distribution == "untruncated_normal":
            return {tf}.random.normal(shape, 0.0, math.sqrt(s), dtype, seed=seed)
        limit = math.sqrt(3.0 * s)
        return {tf}.random.uniform(shape, -limit, limit, dtype, seed=seed)
    return init
'''

_GLOROT_UNIFORM = '''
def _tf1_glorot_uniform_initializer(seed=None, dtype={tf}.float32):
    """TF1 tf.glorot_uniform_initializer (tf.get_variable's default; same values in plain TF2)."""
    return _tf1_variance_scaling_initializer(1.0, "fan_avg", "uniform", seed, dtype)
'''

_GLOROT_NORMAL = '''
def _tf1_glorot_normal_initializer(seed=None, dtype={tf}.float32):
    """TF1 tf.glorot_normal_initializer (same values in plain TF2)."""
    return _tf1_variance_scaling_initializer(1.0, "fan_avg", "truncated_normal", seed, dtype)
'''

_TRUNCATED_NORMAL = '''
def _tf1_truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype={tf}.float32):
    """TF1 tf.truncated_normal_initializer (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        return {tf}.random.truncated_normal(shape, mean, stddev, dtype, seed=seed)
    return init
'''

_RANDOM_NORMAL = '''
def _tf1_random_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype={tf}.float32):
    """TF1 tf.random_normal_initializer (same values in plain TF2, also with a seed)."""
    def init(shape, dtype=dtype, partition_info=None):
        return {tf}.random.normal(shape, mean, stddev, dtype, seed=seed)
    return init
'''

_RANDOM_UNIFORM = '''
def _tf1_random_uniform_initializer(minval=0, maxval=None, seed=None, dtype={tf}.float32):
    """TF1 tf.random_uniform_initializer (same values in plain TF2, also with a seed)."""
    def init(shape, dtype=dtype, partition_info=None):
        return {tf}.random.uniform(shape, minval, maxval, dtype, seed=seed)
    return init
'''

_ORTHOGONAL = '''
def _tf1_orthogonal_initializer(gain=1.0, seed=None, dtype={tf}.float32):
    """TF1 tf.orthogonal_initializer (TF1's algorithm; same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        shape = {tf}.TensorShape(shape).as_list()
        if len(shape) < 2:
            raise ValueError("The tensor to initialize must be at least two-dimensional")
        num_rows = 1
        for dim in shape[:-1]:
            num_rows *= dim
        num_rows, num_cols = int(num_rows), int(shape[-1])
        flat_shape = (num_cols, num_rows) if num_rows < num_cols else (num_rows, num_cols)
        a = {tf}.random.normal(flat_shape, dtype=dtype, seed=seed)
        q, r = {tf}.linalg.qr(a, full_matrices=False)
        q *= {tf}.sign({tf}.linalg.diag_part(r))
        if num_rows < num_cols:
            q = {tf}.linalg.matrix_transpose(q)
        return gain * {tf}.reshape(q, shape)
    return init
'''

_IDENTITY = '''
def _tf1_identity_initializer(gain=1.0, dtype={tf}.float32):
    """TF1 tf.initializers.identity (same values in plain TF2)."""
    def init(shape, dtype=dtype, partition_info=None):
        shape = {tf}.TensorShape(shape).as_list()
        if len(shape) != 2:
            raise ValueError("Identity matrix initializer can only be used for 2D matrices.")
        return gain * {tf}.eye(*shape, dtype=dtype)
    return init
'''

# tf.contrib.layers / slim helpers with contrib's own arithmetic (tf_slim layers/initializers.py,
# layers/regularizers.py): tests/test_contrib_helpers.py checks each against tf_slim in graph mode.
_CONTRIB_VARIANCE_SCALING = '''
def _contrib_variance_scaling_initializer(factor=2.0, mode="FAN_IN", uniform=False, seed=None, dtype={tf}.float32):
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
            return {tf}.random.uniform(shape, -limit, limit, dtype, seed=seed)
        trunc_stddev = math.sqrt(1.3 * factor / n)
        return {tf}.random.truncated_normal(shape, 0.0, trunc_stddev, dtype, seed=seed)
    return init
'''

_CONTRIB_XAVIER = '''
def _contrib_xavier_initializer(uniform=True, seed=None, dtype={tf}.float32):
    """tf.contrib.layers.xavier_initializer (contrib's arithmetic, same values in plain TF2)."""
    return _contrib_variance_scaling_initializer(1.0, "FAN_AVG", uniform, seed, dtype)
'''

_CONTRIB_SCALE_CHECK = '''
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
'''

_CONTRIB_L1 = '''
def _contrib_l1_regularizer(scale, scope=None):
    """tf.contrib.layers.l1_regularizer: scale * sum(|w|) (scale 0.0: no loss)."""
    if _contrib_regularizer_scale(scale):
        return lambda _: None

    def l1(weights):
        my_scale = {tf}.convert_to_tensor(scale, dtype=weights.dtype.base_dtype)
        return {tf}.multiply(my_scale, {tf}.reduce_sum({tf}.abs(weights)))
    return l1
'''

_CONTRIB_L2 = '''
def _contrib_l2_regularizer(scale, scope=None):
    """tf.contrib.layers.l2_regularizer: scale * sum(w ** 2) / 2 (tf.nn.l2_loss; not Keras' L2)."""
    if _contrib_regularizer_scale(scale):
        return lambda _: None

    def l2(weights):
        my_scale = {tf}.convert_to_tensor(scale, dtype=weights.dtype.base_dtype)
        return {tf}.multiply(my_scale, {tf}.nn.l2_loss(weights))
    return l2
'''

_CONTRIB_SUM = '''
def _contrib_sum_regularizer(regularizer_list, scope=None):
    """tf.contrib.layers.sum_regularizer: the sum of the regularizers' losses (None: no loss)."""
    regularizer_list = [reg for reg in regularizer_list if reg is not None]
    if not regularizer_list:
        return None

    def sum_reg(weights):
        tensors = [t for t in (reg(weights) for reg in regularizer_list) if t is not None]
        return {tf}.add_n(tensors) if tensors else None
    return sum_reg
'''

_CONTRIB_L1_L2 = '''
def _contrib_l1_l2_regularizer(scale_l1=1.0, scale_l2=1.0, scope=None):
    """tf.contrib.layers.l1_l2_regularizer: the l1 and l2 losses added as contrib adds them."""
    import numbers
    if isinstance(scale_l1, numbers.Integral) or isinstance(scale_l2, numbers.Integral):
        raise ValueError("scale_l1 / scale_l2 cannot be integers")
    if scale_l1 == 0.:
        return _contrib_l2_regularizer(scale_l2, scope)
    if scale_l2 == 0.:
        return _contrib_l1_regularizer(scale_l1, scope)
    return _contrib_sum_regularizer([_contrib_l1_regularizer(scale_l1), _contrib_l2_regularizer(scale_l2)])
'''

_CONTRIB_APPLY = '''
def _contrib_apply_regularization(regularizer, weights_list):
    """tf.contrib.layers.apply_regularization over an explicit list: the summed penalty (TF1 also
    put it in the REGULARIZATION_LOSSES collection, which TF2 does not have)."""
    penalties = [regularizer(w) for w in weights_list]
    penalties = [p if p is not None else {tf}.constant(0.0) for p in penalties]
    return {tf}.add_n(penalties)
'''

_CONTRIB_FLATTEN = '''
def _contrib_flatten(inputs, outputs_collections=None, scope=None):
    """tf.contrib.layers.flatten: [batch, everything else] (static when the shape is known)."""
    inputs = {tf}.convert_to_tensor(inputs)
    rest = inputs.shape[1:]
    if rest.is_fully_defined():
        return {tf}.reshape(inputs, [-1, rest.num_elements()])
    return {tf}.reshape(inputs, [{tf}.shape(inputs)[0], -1])
'''

_CONTRIB_HPARAMS = '''
class _contrib_HParams(object):
    """tf.contrib.training.HParams in plain Python (TF2 has none): named hyperparameters read as
    attributes; add_hparam / set_hparam / del_hparam / override_from_dict / values / get /
    parse("a=1,b=[2,3]") / parse_json / to_json, a value keeping its default's type."""

    def __init__(self, hparam_def=None, model_structure=None, **kwargs):
        self._hparam_types = dict()
        self._model_structure = model_structure
        for name, value in sorted(kwargs.items()):
            self.add_hparam(name, value)

    def add_hparam(self, name, value):
        if getattr(self, name, None) is not None:
            raise ValueError("Hyperparameter name is reserved: %s" % name)
        if isinstance(value, (list, tuple)):
            self._hparam_types[name] = (type(value[0]) if value else None, True)
        else:
            self._hparam_types[name] = (type(value) if value is not None else None, False)
        setattr(self, name, value)

    def set_hparam(self, name, value):
        param_type, is_list = self._hparam_types[name]
        if is_list:
            setattr(self, name, [self._cast(name, param_type, v) for v in value])
        else:
            setattr(self, name, self._cast(name, param_type, value))

    @staticmethod
    def _cast(name, param_type, value):
        if param_type is None or value is None or isinstance(value, param_type):
            return value
        if param_type is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if param_type is int and isinstance(value, float) and value == int(value):
            return int(value)
        raise ValueError("Could not cast hparam '%s' of type %s from value %r" % (name, param_type, value))

    def del_hparam(self, name):
        if name in self._hparam_types:
            delattr(self, name)
            del self._hparam_types[name]

    def override_from_dict(self, values_dict):
        for name, value in values_dict.items():
            self.set_hparam(name, value)
        return self

    def values(self):
        return dict((name, getattr(self, name)) for name in self._hparam_types)

    def get(self, key, default=None):
        return getattr(self, key) if key in self._hparam_types else default

    def parse(self, values):
        import re
        pattern = re.compile(r"\\s*(\\w+)\\s*=\\s*(\\[[^\\]]*\\]|[^,]*)\\s*(,|$)")
        pos = 0
        while pos < len(values):
            m = pattern.match(values, pos)
            if not m:
                raise ValueError("Malformed hyperparameter value: %s" % values[pos:])
            pos = m.end()
            name, text = m.group(1), m.group(2).strip()
            if name not in self._hparam_types:
                raise ValueError("Unknown hyperparameter type for %s" % name)
            param_type, is_list = self._hparam_types[name]
            parse = self._parser(param_type)
            if is_list:
                items = [t.strip() for t in text.strip("[]").split(",") if t.strip()]
                setattr(self, name, [parse(t) for t in items])
            else:
                setattr(self, name, parse(text))
        return self

    @staticmethod
    def _parser(param_type):
        if param_type is bool:
            return lambda t: t.lower() in ("true", "1")
        return param_type if param_type in (int, float) else str

    def parse_json(self, values_json):
        import json
        return self.override_from_dict(json.loads(values_json))

    def to_json(self, indent=None, separators=None, sort_keys=False):
        import json
        return json.dumps(self.values(), indent=indent, separators=separators, sort_keys=sort_keys)

    def __contains__(self, key):
        return key in self._hparam_types

    def __str__(self):
        return str(sorted(self.values().items()))

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, self.__str__())
'''

_CONTRIB_MAX_POOL2D = '''
def _contrib_max_pool2d(inputs, kernel_size, stride=2, padding="VALID", data_format="NHWC",
                        outputs_collections=None, scope=None):
    """tf.contrib.layers.max_pool2d (stride 2 and VALID by default)."""
    return {tf}.nn.max_pool2d(inputs, kernel_size, stride, padding.upper(), data_format)
'''

_CONTRIB_AVG_POOL2D = '''
def _contrib_avg_pool2d(inputs, kernel_size, stride=2, padding="VALID", data_format="NHWC",
                        outputs_collections=None, scope=None):
    """tf.contrib.layers.avg_pool2d (stride 2 and VALID by default)."""
    return {tf}.nn.avg_pool2d(inputs, kernel_size, stride, padding.upper(), data_format)
'''

_CONTRIB_DROPOUT = '''
def _contrib_dropout(inputs, keep_prob=0.5, noise_shape=None, is_training=True,
                     outputs_collections=None, scope=None, seed=None):
    """tf.contrib.layers.dropout: tf.layers' dropout with rate = 1 - keep_prob, in training
    mode by default."""
    return _layers_dropout(inputs, 1 - keep_prob, noise_shape, seed, is_training)
'''

_LAYERS_DROPOUT = '''
def _layers_dropout(inputs, rate=0.5, noise_shape=None, seed=None, training=False, name=None):
    """tf.layers.dropout (tf_keras' Dropout): tf.nn.dropout when training (a bool, or a tensor
    chosen at run time), else the identity; a rate of 0 is the identity."""
    inputs = {tf}.convert_to_tensor(inputs)
    if not {tf}.is_tensor(rate) and rate == 0:
        return {tf}.identity(inputs)

    def dropped():
        shape = noise_shape
        if shape is not None:  # None entries take the input's own size
            shape = [{tf}.shape(inputs)[i] if d is None else d for i, d in enumerate(shape)]
        return {tf}.nn.dropout(inputs, noise_shape=shape, seed=seed, rate=rate)

    if not {tf}.is_tensor(training):
        return dropped() if training else {tf}.identity(inputs)
    return {tf}.cond({tf}.cast(training, {tf}.bool), dropped, lambda: {tf}.identity(inputs))
'''

_LAYERS_FLATTEN = '''
def _layers_flatten(inputs, name=None, data_format="channels_last"):
    """tf.layers.flatten (tf_keras' Flatten): [batch, everything else], channels moved last
    first for channels_first input; rank-1 input becomes [batch, 1]."""
    inputs = {tf}.convert_to_tensor(inputs)
    rank = inputs.shape.rank
    if data_format == "channels_first" and rank > 1:
        inputs = {tf}.transpose(inputs, [0] + list(range(2, rank)) + [1])
    if rank == 1:
        return {tf}.expand_dims(inputs, 1)
    rest = inputs.shape[1:]
    if rest.is_fully_defined():
        return {tf}.reshape(inputs, [-1, rest.num_elements()])
    return {tf}.reshape(inputs, [{tf}.shape(inputs)[0], -1])
'''

_LAYERS_POOLING = '''
def _layers_pooling(pool, inputs, pool_size, strides, padding, data_format, rank):
    """tf.layers' pooling (tf_keras Pooling1D/2D/3D): sizes as tuples, padding upper-cased."""
    def spread(value):
        return tuple(value) if isinstance(value, (list, tuple)) else (value,) * rank

    formats = (None, ("NWC", "NCW"), ("NHWC", "NCHW"), ("NDHWC", "NCDHW"))[rank]
    data_format = formats[0] if data_format == "channels_last" else formats[1]
    return pool(inputs, spread(pool_size), spread(strides), padding.upper(), data_format=data_format)
'''

_LAYERS_MAX_POOLING1D = '''
def _layers_max_pooling1d(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
    """tf.layers.max_pooling1d."""
    return _layers_pooling({tf}.nn.max_pool1d, inputs, pool_size, strides, padding, data_format, 1)
'''

_LAYERS_MAX_POOLING2D = '''
def _layers_max_pooling2d(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
    """tf.layers.max_pooling2d."""
    return _layers_pooling({tf}.nn.max_pool2d, inputs, pool_size, strides, padding, data_format, 2)
'''

_LAYERS_MAX_POOLING3D = '''
def _layers_max_pooling3d(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
    """tf.layers.max_pooling3d."""
    return _layers_pooling({tf}.nn.max_pool3d, inputs, pool_size, strides, padding, data_format, 3)
'''

_LAYERS_AVERAGE_POOLING1D = '''
def _layers_average_pooling1d(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
    """tf.layers.average_pooling1d."""
    return _layers_pooling({tf}.nn.avg_pool1d, inputs, pool_size, strides, padding, data_format, 1)
'''

_LAYERS_AVERAGE_POOLING2D = '''
def _layers_average_pooling2d(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
    """tf.layers.average_pooling2d."""
    return _layers_pooling({tf}.nn.avg_pool2d, inputs, pool_size, strides, padding, data_format, 2)
'''

_LAYERS_AVERAGE_POOLING3D = '''
def _layers_average_pooling3d(inputs, pool_size, strides, padding="valid", data_format="channels_last", name=None):
    """tf.layers.average_pooling3d."""
    return _layers_pooling({tf}.nn.avg_pool3d, inputs, pool_size, strides, padding, data_format, 3)
'''

_SUMMARY_IMAGE = '''
def _summary_image(name, tensor, max_outputs=3, collections=None, family=None):
    """tf.compat.v1.summary.image, traced when eager (the eager kernel cannot read the op's
    bad_color attribute)."""
    def image(images):
        return {tf}.compat.v1.summary.image(name, images, max_outputs, collections, family)
    if {tf}.executing_eagerly():
        return {tf}.function(image, autograph=False)(tensor)
    return image(tensor)
'''

_TENSOR_NAME = '''
def _tensor_name(tensor):
    """`tensor.name`; "" for an eager tensor, which has no name (TF1 code read it in graphs)."""
    try:
        return tensor.name
    except AttributeError:
        if isinstance(tensor, {tf}.Tensor):
            return ""
        raise
'''

_TF1_CONTRIB = '''
class _Tf1Contrib:
    """A tf.contrib name that code kept TF1 still uses (migrate reported each use `contrib`):
    TF2 has no tf.contrib, so the file imports and that code raises where it calls it."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _Tf1Contrib(self._name + "." + attr)

    def __call__(self, *args, **kwargs):
        if self._name.endswith(".add_arg_scope") and len(args) == 1 and callable(args[0]) and not kwargs:
            return args[0]  # (a decorator that changes nothing where no arg_scope can be entered)
        raise NotImplementedError(self._name + " does not exist in TF2 (tf.contrib was removed): "
                                  "this code stayed TF1; see migrate's report")
'''

# name -> (source template, helpers it needs)
HELPERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "_tf1_fans": (_FANS, ()),
    "_tf1_variance_scaling_initializer": (_VARIANCE_SCALING, ("_tf1_fans",)),
    "_tf1_glorot_uniform_initializer": (_GLOROT_UNIFORM, ("_tf1_variance_scaling_initializer",)),
    "_tf1_glorot_normal_initializer": (_GLOROT_NORMAL, ("_tf1_variance_scaling_initializer",)),
    "_tf1_truncated_normal_initializer": (_TRUNCATED_NORMAL, ()),
    "_tf1_random_normal_initializer": (_RANDOM_NORMAL, ()),
    "_tf1_random_uniform_initializer": (_RANDOM_UNIFORM, ()),
    "_tf1_orthogonal_initializer": (_ORTHOGONAL, ()),
    "_tf1_identity_initializer": (_IDENTITY, ()),
    "_contrib_variance_scaling_initializer": (_CONTRIB_VARIANCE_SCALING, ()),
    "_contrib_xavier_initializer": (_CONTRIB_XAVIER, ("_contrib_variance_scaling_initializer",)),
    "_contrib_regularizer_scale": (_CONTRIB_SCALE_CHECK, ()),
    "_contrib_l1_regularizer": (_CONTRIB_L1, ("_contrib_regularizer_scale",)),
    "_contrib_l2_regularizer": (_CONTRIB_L2, ("_contrib_regularizer_scale",)),
    "_contrib_sum_regularizer": (_CONTRIB_SUM, ()),
    "_contrib_l1_l2_regularizer": (_CONTRIB_L1_L2, ("_contrib_l1_regularizer", "_contrib_l2_regularizer",
                                                    "_contrib_sum_regularizer")),
    "_contrib_apply_regularization": (_CONTRIB_APPLY, ()),
    "_contrib_flatten": (_CONTRIB_FLATTEN, ()),
    "_contrib_HParams": (_CONTRIB_HPARAMS, ()),
    "_contrib_max_pool2d": (_CONTRIB_MAX_POOL2D, ()),
    "_contrib_avg_pool2d": (_CONTRIB_AVG_POOL2D, ()),
    "_layers_dropout": (_LAYERS_DROPOUT, ()),
    "_contrib_dropout": (_CONTRIB_DROPOUT, ("_layers_dropout",)),
    "_layers_flatten": (_LAYERS_FLATTEN, ()),
    "_layers_pooling": (_LAYERS_POOLING, ()),
    "_layers_max_pooling1d": (_LAYERS_MAX_POOLING1D, ("_layers_pooling",)),
    "_layers_max_pooling2d": (_LAYERS_MAX_POOLING2D, ("_layers_pooling",)),
    "_layers_max_pooling3d": (_LAYERS_MAX_POOLING3D, ("_layers_pooling",)),
    "_layers_average_pooling1d": (_LAYERS_AVERAGE_POOLING1D, ("_layers_pooling",)),
    "_layers_average_pooling2d": (_LAYERS_AVERAGE_POOLING2D, ("_layers_pooling",)),
    "_layers_average_pooling3d": (_LAYERS_AVERAGE_POOLING3D, ("_layers_pooling",)),
    "_summary_image": (_SUMMARY_IMAGE, ()),
    "_tensor_name": (_TENSOR_NAME, ()),
    "_Tf1Contrib": (_TF1_CONTRIB, ()),
}
_ORDER = list(HELPERS)


def closure(names: set[str] | frozenset[str]) -> list[str]:
    """The helpers `names` need, dependencies first, in a stable order."""
    todo, seen = list(names), set()
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo.extend(HELPERS[n][1])
    return [n for n in _ORDER if n in seen]


def helper_source(names: set[str] | frozenset[str], tf_alias: str = "tf") -> str:
    """Source text of the helpers (and their dependencies), spelled with `tf_alias`."""
    parts = [HELPERS[n][0].format(tf=tf_alias).strip("\n") for n in closure(names)]
    return "\n\n\n".join(parts) + "\n"
