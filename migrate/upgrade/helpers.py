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
