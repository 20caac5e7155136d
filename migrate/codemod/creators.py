"""TF1's implicit creators (tf.layers, contrib/slim) and the plain-TF2 classes that replace them.

`SPECS` describes each legacy creator's signature, keyed by the API spelling
`migrate.codemod.tfapi.TfNames.api()` gives its call's func (`layers.dense`,
`contrib.layers.fully_connected`, `contrib.slim.fully_connected` for
`import tensorflow.contrib.slim as slim` / `from tensorflow.contrib import slim`).
The codemod rewrites `tf.layers.dense(x, 10, name='fc')` into a lazily built
`self.fc = Dense(name='fc')` and the call `self.fc(x, 10)`: every legacy parameter except
`scope_param` and `reuse_param` goes to `__call__`, same order, same defaults.

`library_source(class_names)` gives the TF2 source of those classes and the helpers they use,
read from `tf2_layers.py` (a template file, never imported here: the codemod stays TF-free).
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

_LIBRARY_FILE = Path(__file__).with_name("tf2_layers.py")
_RNN_LIBRARY_FILE = Path(__file__).with_name("tf2_rnn.py")  # RNN cells (creators_rnn.py)


@dataclass(frozen=True)
class CreatorSpec:
    apis: tuple[str, ...]
    class_name: str
    params: tuple[str, ...]  # every legacy parameter, positional order, scope/reuse included
    defaults: dict[str, str] = field(hash=False)  # python source of each default
    scope_param: str
    reuse_param: str | None
    default_name: str  # TF1's default scope name (uniquified per enclosing scope)

    def call_params(self) -> tuple[str, ...]:
        """The parameters of the TF2 class's __call__ (all but the scope and reuse ones)."""
        return tuple(p for p in self.params if p not in (self.scope_param, self.reuse_param))


_ZEROS, _ONES = "tf.zeros", "tf.ones"  # (shape, dtype) callables the upgrade stage keeps
_REGULARIZED = {"kernel_initializer": "None", "bias_initializer": _ZEROS,
                "kernel_regularizer": "None", "bias_regularizer": "None",
                "activity_regularizer": "None", "kernel_constraint": "None",
                "bias_constraint": "None", "trainable": "True", "name": "None", "reuse": "None"}
_LAYER_TAIL = ("activation", "use_bias", "kernel_initializer", "bias_initializer",
               "kernel_regularizer", "bias_regularizer", "activity_regularizer",
               "kernel_constraint", "bias_constraint", "trainable", "name", "reuse")
# contrib's xavier_initializer() default is drawn by the class itself (contrib's arithmetic):
# None here means "the library default", which the class spells out in its docstring.
_CONTRIB_TAIL = ("activation_fn", "normalizer_fn", "normalizer_params", "weights_initializer",
                 "weights_regularizer", "biases_initializer", "biases_regularizer", "reuse",
                 "variables_collections", "outputs_collections", "trainable", "scope")
_CONTRIB_DEFAULTS = {"activation_fn": "tf.nn.relu", "normalizer_fn": "None",
                     "normalizer_params": "None", "weights_initializer": "None",
                     "weights_regularizer": "None", "biases_initializer": _ZEROS,
                     "biases_regularizer": "None", "reuse": "None",
                     "variables_collections": "None", "outputs_collections": "None",
                     "trainable": "True", "scope": "None"}


def _layers(api: str, cls: str, head: tuple[str, ...], head_defaults: dict[str, str],
            default_name: str, tail: tuple[str, ...] = _LAYER_TAIL) -> CreatorSpec:
    defaults = {**{k: v for k, v in _REGULARIZED.items() if k in tail}, "activation": "None",
                "use_bias": "True", **head_defaults}
    return CreatorSpec((api,), cls, ("inputs",) + head + tail, defaults, "name", "reuse",
                       default_name)


def _contrib(names: tuple[str, ...], cls: str, head: tuple[str, ...],
             head_defaults: dict[str, str], default_name: str,
             tail: tuple[str, ...] = _CONTRIB_TAIL,
             tail_defaults: dict[str, str] | None = None) -> CreatorSpec:
    apis = tuple(f"contrib.{lib}.{n}" for n in names for lib in ("layers", "slim"))
    defaults = {**(tail_defaults if tail_defaults is not None else _CONTRIB_DEFAULTS),
                **head_defaults}
    return CreatorSpec(apis, cls, ("inputs",) + head + tail, defaults, "scope", "reuse",
                       default_name)


_CONV_HEAD = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")
_CONTRIB_CONV_HEAD = ("num_outputs", "kernel_size", "stride", "padding", "data_format", "rate")
_BN_PARAMS = ("axis", "momentum", "epsilon", "center", "scale", "beta_initializer",
              "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
              "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint",
              "training", "trainable", "name", "reuse", "renorm", "renorm_clipping",
              "renorm_momentum", "fused", "virtual_batch_size", "adjustment")
_BN_DEFAULTS = {"axis": "-1", "momentum": "0.99", "epsilon": "1e-3", "center": "True",
                "scale": "True", "beta_initializer": _ZEROS, "gamma_initializer": _ONES,
                "moving_mean_initializer": _ZEROS, "moving_variance_initializer": _ONES,
                "beta_regularizer": "None", "gamma_regularizer": "None",
                "beta_constraint": "None", "gamma_constraint": "None", "training": "False",
                "trainable": "True", "name": "None", "reuse": "None", "renorm": "False",
                "renorm_clipping": "None", "renorm_momentum": "0.99", "fused": "None",
                "virtual_batch_size": "None", "adjustment": "None"}
_SLIM_BN_PARAMS = ("decay", "center", "scale", "epsilon", "activation_fn", "param_initializers",
                   "param_regularizers", "updates_collections", "is_training", "reuse",
                   "variables_collections", "outputs_collections", "trainable", "batch_weights",
                   "fused", "data_format", "zero_debias_moving_mean", "scope", "renorm",
                   "renorm_clipping", "renorm_decay", "adjustment")
_SLIM_BN_DEFAULTS = {"decay": "0.999", "center": "True", "scale": "False", "epsilon": "0.001",
                     "activation_fn": "None", "param_initializers": "None",
                     "param_regularizers": "None", "updates_collections": "'update_ops'",
                     "is_training": "True", "reuse": "None", "variables_collections": "None",
                     "outputs_collections": "None", "trainable": "True",
                     "batch_weights": "None", "fused": "None", "data_format": "'NHWC'",
                     "zero_debias_moving_mean": "False", "scope": "None", "renorm": "False",
                     "renorm_clipping": "None", "renorm_decay": "0.99", "adjustment": "None"}
_LAYER_NORM_PARAMS = ("center", "scale", "activation_fn", "reuse", "variables_collections",
                      "outputs_collections", "trainable", "begin_norm_axis", "begin_params_axis",
                      "scope")
_LAYER_NORM_DEFAULTS = {"center": "True", "scale": "True", "activation_fn": "None",
                        "reuse": "None", "variables_collections": "None",
                        "outputs_collections": "None", "trainable": "True",
                        "begin_norm_axis": "1", "begin_params_axis": "-1", "scope": "None"}

_ALL: tuple[CreatorSpec, ...] = (
    _layers("layers.dense", "Dense", ("units",), {}, "dense"),
    _layers("layers.conv2d", "Conv2D", _CONV_HEAD,
            {"strides": "(1, 1)", "padding": "'valid'", "data_format": "'channels_last'",
             "dilation_rate": "(1, 1)"}, "conv2d"),
    _layers("layers.conv1d", "Conv1D", _CONV_HEAD,
            {"strides": "1", "padding": "'valid'", "data_format": "'channels_last'",
             "dilation_rate": "1"}, "conv1d"),
    _layers("layers.conv2d_transpose", "Conv2DTranspose", _CONV_HEAD[:-1],
            {"strides": "(1, 1)", "padding": "'valid'", "data_format": "'channels_last'"},
            "conv2d_transpose"),
    CreatorSpec(("layers.batch_normalization",), "BatchNormalization", ("inputs",) + _BN_PARAMS,
                _BN_DEFAULTS, "name", "reuse", "batch_normalization"),
    _contrib(("fully_connected",), "FullyConnected", ("num_outputs",), {}, "fully_connected"),
    _contrib(("conv2d", "convolution2d"), "ContribConv2D", _CONTRIB_CONV_HEAD,
             {"stride": "1", "padding": "'SAME'", "data_format": "None", "rate": "1"}, "Conv"),
    _contrib(("conv2d_transpose", "convolution2d_transpose"), "ContribConv2DTranspose",
             _CONTRIB_CONV_HEAD[:-1],
             {"stride": "1", "padding": "'SAME'", "data_format": "'NHWC'"}, "Conv2d_transpose"),
    _contrib(("batch_norm",), "ContribBatchNorm", (), {}, "BatchNorm", _SLIM_BN_PARAMS,
             _SLIM_BN_DEFAULTS),
    _contrib(("layer_norm",), "LayerNorm", (), {}, "LayerNorm", _LAYER_NORM_PARAMS,
             _LAYER_NORM_DEFAULTS),
    CreatorSpec(("contrib.layers.embed_sequence",), "EmbedSequence",
                ("ids", "vocab_size", "embed_dim", "unique", "initializer", "regularizer",
                 "trainable", "scope", "reuse"),
                {"vocab_size": "None", "embed_dim": "None", "unique": "False",
                 "initializer": "None", "regularizer": "None", "trainable": "True",
                 "scope": "None", "reuse": "None"}, "scope", "reuse", "EmbedSequence"),
)

# 3-D and separable convolutions, instance norm, bias add.
_SEPARABLE_HEAD = _CONV_HEAD + ("depth_multiplier",)
_SEPARABLE_TAIL = ("activation", "use_bias", "depthwise_initializer", "pointwise_initializer",
                   "bias_initializer", "depthwise_regularizer", "pointwise_regularizer",
                   "bias_regularizer", "activity_regularizer", "depthwise_constraint",
                   "pointwise_constraint", "bias_constraint", "trainable", "name", "reuse")
_SEPARABLE_DEFAULTS = {p: "None" for p in _SEPARABLE_TAIL} | {
    "activation": "None", "use_bias": "True", "bias_initializer": _ZEROS, "trainable": "True"}
_CONTRIB_SEPARABLE_TAIL = _CONTRIB_TAIL[:4] + ("pointwise_initializer",) + _CONTRIB_TAIL[4:]
_CONTRIB_NORM_TAIL = ("reuse", "variables_collections", "outputs_collections", "trainable")
_CONTRIB_NORM_DEFAULTS = {"reuse": "None", "variables_collections": "None",
                          "outputs_collections": "None", "trainable": "True", "scope": "None",
                          "data_format": "'NHWC'", "activation_fn": "None"}

_CONVOLUTIONS_AND_NORMS: tuple[CreatorSpec, ...] = (
    _layers("layers.conv3d", "Conv3D", _CONV_HEAD,
            {"strides": "(1, 1, 1)", "padding": "'valid'", "data_format": "'channels_last'",
             "dilation_rate": "(1, 1, 1)"}, "conv3d"),
    _layers("layers.separable_conv2d", "SeparableConv2D", _SEPARABLE_HEAD,
            {**_SEPARABLE_DEFAULTS, "strides": "(1, 1)", "padding": "'valid'",
             "data_format": "'channels_last'", "dilation_rate": "(1, 1)",
             "depth_multiplier": "1"}, "separable_conv2d", _SEPARABLE_TAIL),
    _layers("layers.separable_conv1d", "SeparableConv1D", _SEPARABLE_HEAD,
            {**_SEPARABLE_DEFAULTS, "strides": "1", "padding": "'valid'",
             "data_format": "'channels_last'", "dilation_rate": "1",
             "depth_multiplier": "1"}, "separable_conv1d", _SEPARABLE_TAIL),
    _contrib(("conv1d", "convolution1d"), "ContribConv1D", _CONTRIB_CONV_HEAD,
             {"stride": "1", "padding": "'SAME'", "data_format": "None", "rate": "1"}, "Conv"),
    _contrib(("conv3d", "convolution3d"), "ContribConv3D", _CONTRIB_CONV_HEAD,
             {"stride": "1", "padding": "'SAME'", "data_format": "None", "rate": "1"}, "Conv"),
    _contrib(("separable_conv2d", "separable_convolution2d"), "ContribSeparableConv2D",
             ("num_outputs", "kernel_size", "depth_multiplier", "stride", "padding",
              "data_format", "rate"),
             {"depth_multiplier": "1", "stride": "1", "padding": "'SAME'",
              "data_format": "'NHWC'", "rate": "1", "pointwise_initializer": "None"},
             "SeparableConv2d", _CONTRIB_SEPARABLE_TAIL),
    _contrib(("instance_norm",), "InstanceNorm", (), {}, "InstanceNorm",
             ("center", "scale", "epsilon", "activation_fn", "param_initializers")
             + _CONTRIB_NORM_TAIL + ("data_format", "scope"),
             {**_CONTRIB_NORM_DEFAULTS, "center": "True", "scale": "True", "epsilon": "1e-6",
              "param_initializers": "None"}),
    _contrib(("bias_add",), "ContribBiasAdd", (), {}, "BiasAdd",
             ("activation_fn", "initializer", "regularizer") + _CONTRIB_NORM_TAIL
             + ("data_format", "scope"),
             {**_CONTRIB_NORM_DEFAULTS, "initializer": _ZEROS, "regularizer": "None"}),
)

SPECS: dict[str, CreatorSpec] = {api: spec for spec in _ALL + _CONVOLUTIONS_AND_NORMS
                                 for api in spec.apis}

# Creators that make no variables: their plain TF2 spelling (TF1 argument -> TF2 argument).
PLAIN_OPS: dict[str, str] = {
    "layers.dropout": "tf.nn.dropout(x, rate=rate) when training is True, else x "
                      "(TF1 default training=False: the identity); noise_shape/seed kept",
    "layers.flatten": "tf.reshape(x, [tf.shape(x)[0], -1]) (channels_last)",
    "layers.max_pooling2d": "tf.nn.max_pool2d(x, pool_size, strides, padding.upper())",
    "layers.average_pooling2d": "tf.nn.avg_pool2d(x, pool_size, strides, padding.upper())",
    "layers.max_pooling1d": "tf.nn.max_pool1d(x, pool_size, strides, padding.upper())",
    "layers.average_pooling1d": "tf.nn.avg_pool1d(x, pool_size, strides, padding.upper())",
    "contrib.layers.flatten": "tf.reshape(x, [tf.shape(x)[0], -1])",
    "contrib.layers.max_pool2d": "tf.nn.max_pool2d(x, kernel_size, stride=2, padding='VALID')",
    "contrib.layers.avg_pool2d": "tf.nn.avg_pool2d(x, kernel_size, stride=2, padding='VALID')",
    "contrib.layers.dropout": "tf.nn.dropout(x, rate=1 - keep_prob) when is_training "
                              "(default True, keep_prob 0.5), else x",
}
for _name in ("flatten", "max_pool2d", "avg_pool2d", "dropout"):
    PLAIN_OPS[f"contrib.slim.{_name}"] = PLAIN_OPS[f"contrib.layers.{_name}"]


@functools.lru_cache(maxsize=1)
def _library() -> tuple[tuple[str, str], ...]:
    """(name, source) of every top-level def/class of tf2_layers.py then tf2_rnn.py (the RNN
    cells, which use tf2_layers' helpers), in file order."""
    chunks = []
    for path in (_LIBRARY_FILE, _RNN_LIBRARY_FILE):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        for node in ast.parse(text).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
                chunks.append((node.name, "".join(lines[start:node.end_lineno]).rstrip() + "\n"))
    return tuple(chunks)


def _uses(source: str, names: Iterable[str]) -> set[str]:
    return {n for n in names if re.search(rf"\b{re.escape(n)}\b", source)}


def library_closure(class_names: Iterable[str]) -> set[str]:
    """`class_names` and every library helper/base they use: the top-level names
    library_source(class_names) defines (a converted function's class must not take one)."""
    return set(_closure(frozenset(class_names)))


@functools.lru_cache(maxsize=256)
def _closure(class_names: frozenset[str]) -> frozenset[str]:
    # the project plan asks for the same few sets thousands of times (every callee's class name)
    uses = _library_uses()
    wanted = set(class_names)
    unknown = wanted - set(uses)
    if unknown:
        raise KeyError(f"no library class {', '.join(sorted(unknown))}")
    todo = list(wanted)
    while todo:
        name = todo.pop()
        for used in uses[name] - wanted:
            wanted.add(used)
            todo.append(used)
    return frozenset(wanted)


@functools.lru_cache(maxsize=1)
def _library_uses() -> dict[str, frozenset[str]]:
    """Per library def, the library's top-level names its source mentions."""
    chunks = dict(_library())
    return {name: frozenset(_uses(source, chunks)) for name, source in chunks.items()}


def library_source(class_names: Iterable[str]) -> str:
    """The self-contained TF2 source of `class_names` and the helpers/bases they use (file
    order, so deterministic), preceded by the imports they need. Empty for no classes."""
    wanted = library_closure(class_names)
    if not wanted:
        return ""
    parts = [source for name, source in _library() if name in wanted]
    header = "import math\n\nimport tensorflow as tf\n\n\n"
    return header + "\n\n\n".join(parts)


def library_names() -> tuple[str, ...]:
    """Every top-level name library_source can emit (for name-clash checks)."""
    return tuple(name for name, _ in _library())


# What `migrate explain` lists for each library class: the variables TF1 made below the
# creator's scope, each with when it is made (or "" when always).
CREATED_VARIABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "Dense": (("kernel", ""), ("bias", "not with use_bias=False")),
    "Conv1D": (("kernel", ""), ("bias", "not with use_bias=False")),
    "Conv2D": (("kernel", ""), ("bias", "not with use_bias=False")),
    "Conv3D": (("kernel", ""), ("bias", "not with use_bias=False")),
    "Conv2DTranspose": (("kernel", ""), ("bias", "not with use_bias=False")),
    "SeparableConv1D": (("depthwise_kernel", ""), ("pointwise_kernel", ""), ("bias", "not with use_bias=False")),
    "SeparableConv2D": (("depthwise_kernel", ""), ("pointwise_kernel", ""), ("bias", "not with use_bias=False")),
    "BatchNormalization": (("gamma", "not with scale=False"), ("beta", "not with center=False"), ("moving_mean", ""),
                           ("moving_variance", "")),
    "FullyConnected": (("weights", ""), ("biases", "not with biases_initializer=None or a normalizer_fn")),
    "ContribConv1D": (("weights", ""), ("biases", "not with biases_initializer=None or a normalizer_fn")),
    "ContribConv2D": (("weights", ""), ("biases", "not with biases_initializer=None or a normalizer_fn")),
    "ContribConv3D": (("weights", ""), ("biases", "not with biases_initializer=None or a normalizer_fn")),
    "ContribConv2DTranspose": (("weights", ""), ("biases", "not with biases_initializer=None or a normalizer_fn")),
    "ContribSeparableConv2D": (("depthwise_weights", ""), ("pointwise_weights", "not with num_outputs=None"),
                               ("biases", "not with biases_initializer=None or a normalizer_fn")),
    "ContribBatchNorm": (("beta", "not with center=False"), ("gamma", "only with scale=True"), ("moving_mean", ""),
                         ("moving_variance", "")),
    "LayerNorm": (("beta", "not with center=False"), ("gamma", "not with scale=False")),
    "InstanceNorm": (("beta", "not with center=False"), ("gamma", "not with scale=False")),
    "ContribBiasAdd": (("biases", ""),),
    "EmbedSequence": (("embeddings", ""),),
}


def legacy_api_label(class_name: str) -> str | None:
    """How explain names the TF1 creator a library class replaces (`tf.layers.dense`,
    `tf.contrib.layers.conv2d / slim`); None for a class that is no implicit creator."""
    from migrate.codemod.creators_rnn import RUNNERS

    apis = [api for api, spec in list(SPECS.items()) + list(RUNNERS.items())
            if spec.class_name == class_name]
    if not apis:
        return None
    label = "tf." + apis[0]
    if apis[0].startswith("contrib.layers.") and any(a.startswith("contrib.slim.") for a in apis):
        label += " / slim"
    return label


def makes_default_named_layers(function, tf) -> bool:
    """Whether `function` (a libcst FunctionDef) calls a tf.layers / contrib / slim creator with
    no name (`tf.layers.dense(x, 4)`): called again in the same variable scope, TF1 makes new
    layers each time (`dense_2`, `dense_3`, ...), so one shared instance of it would share them."""
    import libcst as cst

    found = [False]

    class _Calls(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            spec = SPECS.get(tf.api(node.func) or "")
            if spec is None or found[0]:
                return
            index = spec.params.index(spec.scope_param)
            positional = [a for a in node.args if a.keyword is None and not a.star]
            named = next((a.value for a in node.args if a.keyword is not None
                          and a.keyword.value == spec.scope_param),
                         positional[index].value if index < len(positional) else None)
            if named is None or isinstance(named, cst.Name) and named.value == "None":
                found[0] = True

    function.body.visit(_Calls())
    return found[0]
