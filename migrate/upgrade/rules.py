"""Our own rules, where tf_upgrade_v2's tables stop or choose `tf.compat.v1` although a native
TF2 spelling keeps the values. Names are TF1 names spelled `tf.a.b` (the `tensorflow.compat.v1`
prefix already stripped)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Owned by the structural stage: never rewritten here (left exactly as they are).
OWNED = frozenset(
    {"tf.variable_scope", "tf.get_variable", "tf.name_scope", "tf.Variable", "tf.AUTO_REUSE"}
)
# Owned names that only exist in the v1 API: a file that keeps them needs its v1 import.
OWNED_V1_ONLY = frozenset({"tf.variable_scope", "tf.get_variable", "tf.AUTO_REUSE"})

# tf_upgrade_v2 says `tf.compat.v1.X`, but this native spelling has the same semantics.
NATIVE = {
    "tf.set_random_seed": "tf.random.set_seed",
    "tf.random.set_random_seed": "tf.random.set_seed",
    "tf.py_func": "tf.numpy_function",  # numpy in, numpy out: the same contract
}

# Same name in TF2 but different behaviour, and tf_upgrade_v2 has no rename: keep v1.
SEMANTICS_DIFFER = {
    "tf.summary.scalar": "TF2 summaries write through a default writer, TF1 ones return a Summary op",
    "tf.summary.histogram": "TF2 summaries write through a default writer, TF1 ones return a Summary op",
    "tf.summary.image": "TF2 summaries write through a default writer, TF1 ones return a Summary op",
    "tf.summary.audio": "TF2 summaries write through a default writer, TF1 ones return a Summary op",
    "tf.summary.text": "TF2 summaries write through a default writer, TF1 ones return a Summary op",
    "tf.nn.dropout": "TF1 takes keep_prob, TF2 takes rate (rewritten where called)",
    "tf.nn.softmax_cross_entropy_with_logits": "TF2 back-propagates into labels",
}

# References that only make sense in graph mode: while any remains, `disable_v2_behavior()`
# is kept and Session blocks are not made eager.
GRAPH_ONLY = frozenset(
    {
        "tf.placeholder",
        "tf.placeholder_with_default",
        "tf.sparse_placeholder",
        "tf.Session",
        "tf.InteractiveSession",
        "tf.get_default_session",
        "tf.train.MonitoredTrainingSession",
        "tf.train.MonitoredSession",
        "tf.train.Supervisor",
        "tf.get_default_graph",
        "tf.reset_default_graph",
        "tf.Graph",
        "tf.train.start_queue_runners",
        "tf.train.Coordinator",
    }
)
DISABLERS = frozenset(
    {"tf.disable_v2_behavior", "tf.disable_eager_execution", "tf.enable_eager_execution",
     "tf.disable_resource_variables", "tf.disable_control_flow_v2", "tf.disable_tensor_equality",
     "tf.disable_v2_tensorshape"}
)
VARIABLE_INITIALIZERS = frozenset(
    {"tf.global_variables_initializer", "tf.initialize_all_variables",
     "tf.local_variables_initializer", "tf.initialize_local_variables",
     "tf.initializers.global_variables", "tf.initializers.local_variables"}
)

CASTS = {
    "tf.to_float": "float32",
    "tf.to_double": "float64",
    "tf.to_int32": "int32",
    "tf.to_int64": "int64",
    "tf.to_bfloat16": "bfloat16",
    "tf.to_complex64": "complex64",
    "tf.to_complex128": "complex128",
}

# Our own positional -> keyword tables (tf_upgrade_v2 has none for these).
EXTRA_REORDERS = {
    "tf.nn.safe_embedding_lookup_sparse": [
        None, None, None, None, None, "name", "partition_strategy", "max_norm", "allow_fast_lookup"
    ],
    "tf.nn.dropout": [None, "keep_prob", "noise_shape", "seed", "name", "rate"],
    "tf.nn.xw_plus_b": [None, None, None, "name"],
    "tf.nn.relu_layer": [None, None, None, "name"],
    "tf.assign": [None, None, "validate_shape", "use_locking", "name"],
    "tf.assign_add": [None, None, "use_locking", "name"],
    "tf.assign_sub": [None, None, "use_locking", "name"],
    "tf.zeros_like": [None, "dtype", "name", "optimize"],
    "tf.ones_like": [None, "dtype", "name", "optimize"],
}


@dataclass(frozen=True)
class Init:
    """How a TF1 initializer constructor maps to a spelling that keeps its values."""

    params: tuple[str, ...]  # the TF1 constructor's parameters, in order
    defaults: dict = field(default_factory=dict)  # TF1 defaults (source text)
    native: str | None = None  # TF2 core class with the same draws when seed/dtype allow
    native_params: tuple[str, ...] = ()
    native_defaults: dict = field(default_factory=dict)
    helper: str | None = None  # generated helper with the TF1 core signature
    helper_defaults: dict = field(default_factory=dict)
    fixed: dict = field(default_factory=dict)  # extra keyword arguments for the helper


_RN = dict(mean="0.0", stddev="1.0")
_RU = dict(minval="0", maxval="None")
_TN = dict(mean="0.0", stddev="1.0")
_VS = dict(scale="1.0", mode='"fan_in"', distribution='"truncated_normal"')


def _random_normal(mean="0.0", stddev="1.0") -> Init:
    return Init(("mean", "stddev", "seed", "dtype"), dict(mean=mean, stddev=stddev),
                "tf.random_normal_initializer", ("mean", "stddev"), dict(mean="0.0", stddev="0.05"),
                "_tf1_random_normal_initializer", _RN)


def _random_uniform(minval="0", maxval="None") -> Init:
    return Init(("minval", "maxval", "seed", "dtype"), dict(minval=minval, maxval=maxval),
                "tf.random_uniform_initializer", ("minval", "maxval"),
                dict(minval="-0.05", maxval="0.05"), "_tf1_random_uniform_initializer", _RU)


def _truncated(mean="0.0", stddev="1.0") -> Init:
    return Init(("mean", "stddev", "seed", "dtype"), dict(mean=mean, stddev=stddev),
                helper="_tf1_truncated_normal_initializer", helper_defaults=_TN)


def _scaling(scale: str, mode: str, distribution: str) -> Init:
    return Init(("seed",), helper="_tf1_variance_scaling_initializer", helper_defaults=_VS,
                fixed=dict(scale=scale, mode=mode, distribution=distribution))


_ZEROS = Init(("dtype",), native="tf.zeros_initializer")
_ONES = Init(("dtype",), native="tf.ones_initializer")
_CONSTANT = Init(("value", "dtype", "verify_shape"), dict(value="0"), "tf.constant_initializer",
                 ("value",), dict(value="0"))
_GLOROT_U = Init(("seed", "dtype"), helper="_tf1_glorot_uniform_initializer")
_GLOROT_N = Init(("seed", "dtype"), helper="_tf1_glorot_normal_initializer")
_VARIANCE = Init(("scale", "mode", "distribution", "seed", "dtype"), dict(_VS),
                 helper="_tf1_variance_scaling_initializer", helper_defaults=_VS)
_ORTHO = Init(("gain", "seed", "dtype"), dict(gain="1.0"), helper="_tf1_orthogonal_initializer",
              helper_defaults=dict(gain="1.0"))
_IDENT = Init(("gain", "dtype"), dict(gain="1.0"), helper="_tf1_identity_initializer",
              helper_defaults=dict(gain="1.0"))
_HE_N = _scaling("2.0", '"fan_in"', '"truncated_normal"')
_HE_U = _scaling("2.0", '"fan_in"', '"uniform"')
_LECUN_N = _scaling("1.0", '"fan_in"', '"truncated_normal"')
_LECUN_U = _scaling("1.0", '"fan_in"', '"uniform"')

INITIALIZERS: dict[str, Init] = {
    "tf.random_normal_initializer": _random_normal(),
    "tf.initializers.random_normal": _random_normal(),
    "tf.random_uniform_initializer": _random_uniform(),
    "tf.initializers.random_uniform": _random_uniform(),
    "tf.truncated_normal_initializer": _truncated(),
    "tf.initializers.truncated_normal": _truncated(),
    "tf.glorot_uniform_initializer": _GLOROT_U,
    "tf.initializers.glorot_uniform": _GLOROT_U,
    "tf.glorot_normal_initializer": _GLOROT_N,
    "tf.initializers.glorot_normal": _GLOROT_N,
    "tf.variance_scaling_initializer": _VARIANCE,
    "tf.initializers.variance_scaling": _VARIANCE,
    "tf.orthogonal_initializer": _ORTHO,
    "tf.initializers.orthogonal": _ORTHO,
    "tf.initializers.identity": _IDENT,
    "tf.initializers.he_normal": _HE_N,
    "tf.initializers.he_uniform": _HE_U,
    "tf.initializers.lecun_normal": _LECUN_N,
    "tf.initializers.lecun_uniform": _LECUN_U,
    "tf.zeros_initializer": _ZEROS,
    "tf.initializers.zeros": _ZEROS,
    "tf.ones_initializer": _ONES,
    "tf.initializers.ones": _ONES,
    "tf.constant_initializer": _CONSTANT,
    "tf.initializers.constant": _CONSTANT,
}
# contrib's initializers with contrib's own arithmetic (sqrt(3 * factor / n), truncated normal with
# sqrt(1.3 * factor / n)): generated helpers with the contrib signature (migrate/upgrade/helpers.py)
_XAVIER = Init(("uniform", "seed", "dtype"), helper="_contrib_xavier_initializer")
_CONTRIB_VARIANCE = Init(("factor", "mode", "uniform", "seed", "dtype"),
                         helper="_contrib_variance_scaling_initializer")
for _lib in ("layers", "slim"):
    INITIALIZERS[f"tf.contrib.{_lib}.xavier_initializer"] = _XAVIER
    INITIALIZERS[f"tf.contrib.{_lib}.xavier_initializer_conv2d"] = _XAVIER
    INITIALIZERS[f"tf.contrib.{_lib}.variance_scaling_initializer"] = _CONTRIB_VARIANCE

# contrib functions whose call becomes a call of a generated helper with the same signature and
# contrib's exact semantics (the regularizers: contrib's l2 is scale * sum(w**2) / 2; flatten and
# the 2-D poolings, which create no variables).
CONTRIB_HELPERS: dict[str, str] = {}
for _lib in ("layers", "slim"):
    for _name in ("l1_regularizer", "l2_regularizer", "l1_l2_regularizer", "sum_regularizer",
                  "flatten", "max_pool2d", "avg_pool2d", "dropout"):
        CONTRIB_HELPERS[f"tf.contrib.{_lib}.{_name}"] = f"_contrib_{_name}"
CONTRIB_HELPERS["tf.contrib.training.HParams"] = "_contrib_HParams"  # plain Python: TF2 has none
# tf.layers' creators that make no variables (TF2 has them only as tf.compat.v1.layers, backed by
# tf_keras): generated helpers with the same signature and tf_keras' arithmetic.
LAYERS_HELPERS: dict[str, str] = {
    f"tf.layers.{_name}": f"_layers_{_name}"
    for _name in ("dropout", "flatten", "max_pooling1d", "max_pooling2d", "max_pooling3d",
                  "average_pooling1d", "average_pooling2d", "average_pooling3d")}
# TF1 ops TF2's eager kernels cannot run (ImageSummary reads its `bad_color` attribute with a
# type the eager executor does not handle): helpers with the same signature that run them as a
# graph function when eager, and as written in a graph.
EAGER_HELPERS: dict[str, str] = {"tf.summary.image": "_summary_image"}
# apply_regularization(regularizer, weights_list): only with an explicit list (the default reads
# the WEIGHTS collection, which TF2 does not have)
CONTRIB_APPLY_REGULARIZATION = frozenset(
    {"tf.contrib.layers.apply_regularization", "tf.contrib.slim.apply_regularization"})
# contrib modules and names that are TF2 core names (same objects).
CONTRIB_NATIVE = {
    "tf.contrib.framework.nest": "tf.nest",
    "tf.contrib.framework.python.util.nest": "tf.nest",
    # renamed in TF 2 (the same function): nmt's gnmt_model.py
    "tf.contrib.framework.nest.is_sequence": "tf.nest.is_nested",
    "tf.contrib.framework.python.util.nest.is_sequence": "tf.nest.is_nested",
}
# tf.contrib.learn.ModeKeys: string constants (TF 2.21 has no tf.estimator).
CONTRIB_CONSTANTS = {
    "tf.contrib.learn.ModeKeys.TRAIN": "train",
    "tf.contrib.learn.ModeKeys.EVAL": "eval",
    "tf.contrib.learn.ModeKeys.INFER": "infer",
}
# contrib names whose TF1 core twin TF2 still has under tf.compat.v1 (graph-collection state).
CONTRIB_COMPAT = {
    "tf.contrib.framework.get_or_create_global_step": (
        "tf.compat.v1.train.get_or_create_global_step",
        "the global step lives in a graph collection; in TF2 keep a tf.Variable of your own"),
    "tf.contrib.framework.get_global_step": (
        "tf.compat.v1.train.get_global_step",
        "the global step lives in a graph collection; in TF2 keep a tf.Variable of your own"),
}
# collect_named_outputs(collections, alias, outputs) returns `outputs` (and adds it to graph
# collections): just `outputs` where the file never reads those collections back.
COLLECT_NAMED_OUTPUTS = frozenset(
    {f"tf.contrib.{p}collect_named_outputs"
     for p in ("layers.python.layers.utils.", "layers.utils.", "slim.utils.", "slim.layers.utils.")})
COLLECTION_READERS = ("convert_collection_to_dict", "get_collection")
# tf.keras.initializers as TF1 knew them (init_ops v1 subclasses, Keras' own defaults)
_KERAS = {
    ("Zeros", "zeros"): _ZEROS,
    ("Ones", "ones"): _ONES,
    ("Constant", "constant"): _CONSTANT,
    ("RandomNormal", "random_normal", "normal"): _random_normal("0.0", "0.05"),
    ("RandomUniform", "random_uniform", "uniform"): _random_uniform("-0.05", "0.05"),
    ("TruncatedNormal", "truncated_normal"): _truncated("0.0", "0.05"),
    ("VarianceScaling", "variance_scaling"): _VARIANCE,
    ("Orthogonal", "orthogonal"): _ORTHO,
    ("Identity", "identity"): _IDENT,
    ("GlorotUniform", "glorot_uniform"): _GLOROT_U,
    ("GlorotNormal", "glorot_normal"): _GLOROT_N,
    ("he_normal", "HeNormal"): _HE_N,
    ("he_uniform", "HeUniform"): _HE_U,
    ("lecun_normal", "LecunNormal"): _LECUN_N,
    ("lecun_uniform", "LecunUniform"): _LECUN_U,
}
for _names, _init in _KERAS.items():
    for _n in _names:
        INITIALIZERS[f"tf.keras.initializers.{_n}"] = _init
