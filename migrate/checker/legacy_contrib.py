"""`tf.contrib` for the checker's legacy side, backed by the `tf_slim` package.

TF 2.x has no `tf.contrib`; TF1 model code uses `tf.contrib.layers`, `tf.contrib.slim`,
`tf.contrib.framework` (arg_scope), `tf.contrib.rnn`, `tf.contrib.training.HParams` and
`tf.contrib.legacy_seq2seq` (rnn_decoder, sequence_loss: char-rnn); contrib's internal
`tensorflow.contrib.<x>.python.*` paths resolve to the same modules.
`tf_slim` is contrib.layers/slim split out of TF; under TF 2.21 it needs two patches (DESIGN.md:
"Implicit creators: verified facts"). Installed once per legacy process, after
`disable_v2_behavior()`, as `tf.compat.v1.contrib` and as `tensorflow.contrib[.x]` modules, so
`import tensorflow.contrib.slim as slim` and `from tensorflow.contrib import layers` work too.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import types
from typing import Any

_SUBMODULES = ("layers", "slim", "framework", "rnn", "training", "legacy_seq2seq")


def install(tf: Any) -> types.ModuleType | None:
    """Make `tf.contrib` available; None (and nothing changed) when tf_slim is not installed."""
    try:
        slim = _import_tf_slim(tf)
    except ImportError:
        return None
    v1 = tf.compat.v1
    contrib = types.ModuleType("tensorflow.contrib", "tf.contrib, backed by tf_slim (migrate checker)")
    layers = _module("tensorflow.contrib.layers", slim)
    layers.embed_sequence = _embed_sequence(tf, slim)
    slim_module = _module("tensorflow.contrib.slim", slim)
    slim_module.layers = layers
    framework = _module("tensorflow.contrib.framework", slim)
    rnn = _rnn_module(v1)
    training = types.ModuleType("tensorflow.contrib.training")
    training.HParams = HParams
    seq2seq = _legacy_seq2seq_module(v1)
    for name, module in zip(_SUBMODULES, (layers, slim_module, framework, rnn, training, seq2seq)):
        setattr(contrib, name, module)
        module.__path__ = []  # a package: its internal `python.*` paths import (_InternalPathFinder)
        sys.modules[module.__name__] = module
    contrib.__path__ = []
    sys.modules["tensorflow.contrib"] = contrib
    if not any(isinstance(f, _InternalPathFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _InternalPathFinder())
    v1.contrib = contrib
    tf.contrib = contrib  # `import tensorflow.contrib.x` binds the real package first
    return contrib


def _import_tf_slim(tf: Any) -> Any:
    # tf_slim 1.1 reads `ops.Tensor` (gone in TF 2.21) and imports `tf_keras.legacy_tf_layers`
    # (now under tf_keras.src) for batch_norm.
    from tensorflow.python.framework import ops

    if not hasattr(ops, "Tensor"):
        ops.Tensor = tf.Tensor
    from tensorflow.python.ops import control_flow_ops

    if not hasattr(control_flow_ops, "cond"):  # slim's smart_cond on an `is_training` tensor
        control_flow_ops.cond = tf.compat.v1.cond
    import tf_keras.src.legacy_tf_layers as legacy_tf_layers

    sys.modules.setdefault("tf_keras.legacy_tf_layers", legacy_tf_layers)
    import tf_slim
    import tf_slim.layers  # noqa: F401 - registers tf_slim.layers

    return tf_slim


class _InternalPathFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """`from tensorflow.contrib.framework.python.ops import add_arg_scope` (glow),
    `tensorflow.contrib.layers.python.layers.initializers`: TF1 code also imports contrib's
    internal `python` packages; they resolve to the provided submodule, which defines the same
    public names."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        parts = name.split(".")
        if (len(parts) > 3 and parts[:2] == ["tensorflow", "contrib"] and parts[3] == "python"
                and f"tensorflow.contrib.{parts[2]}" in sys.modules):
            return importlib.util.spec_from_loader(name, self, is_package=True)
        return None

    def create_module(self, spec: Any) -> types.ModuleType:
        return sys.modules[".".join(spec.name.split(".")[:3])]

    def exec_module(self, module: types.ModuleType) -> None:
        pass


def _module(name: str, source: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in vars(source).items():
        if not key.startswith("__"):
            setattr(module, key, value)
    return module


def _rnn_module(v1: Any) -> types.ModuleType:
    """contrib.rnn: the core cells (tf_keras' legacy cells) and the static RNN functions."""
    rnn = types.ModuleType("tensorflow.contrib.rnn")
    for key in dir(v1.nn.rnn_cell):
        if not key.startswith("_"):
            setattr(rnn, key, getattr(v1.nn.rnn_cell, key))
    rnn.static_rnn = v1.nn.static_rnn
    rnn.static_bidirectional_rnn = v1.nn.static_bidirectional_rnn
    rnn.static_state_saving_rnn = v1.nn.static_state_saving_rnn
    return rnn


def _legacy_seq2seq_module(v1: Any) -> types.ModuleType:
    """contrib.legacy_seq2seq's rnn_decoder and sequence_loss(_by_example) (char-rnn), as TF 1.15
    wrote them (the module left with contrib; nothing in TF 2 or tf_slim provides it)."""
    module = types.ModuleType("tensorflow.contrib.legacy_seq2seq")

    def rnn_decoder(decoder_inputs: Any, initial_state: Any, cell: Any,
                    loop_function: Any = None, scope: Any = None) -> Any:
        with v1.variable_scope(scope or "rnn_decoder"):
            state, outputs, prev = initial_state, [], None
            for i, inp in enumerate(decoder_inputs):
                if loop_function is not None and prev is not None:
                    with v1.variable_scope("loop_function", reuse=True):
                        inp = loop_function(prev, i)
                if i > 0:
                    v1.get_variable_scope().reuse_variables()
                output, state = cell(inp, state)
                outputs.append(output)
                if loop_function is not None:
                    prev = output
        return outputs, state

    def sequence_loss_by_example(logits: Any, targets: Any, weights: Any,
                                 average_across_timesteps: bool = True,
                                 softmax_loss_function: Any = None, name: Any = None) -> Any:
        if len(targets) != len(logits) or len(weights) != len(logits):
            raise ValueError("Lengths of logits, weights, and targets must be the same "
                             f"{len(logits)}, {len(weights)}, {len(targets)}.")
        with v1.name_scope(name, "sequence_loss_by_example", logits + targets + weights):
            log_perp_list = []
            for logit, target, weight in zip(logits, targets, weights):
                if softmax_loss_function is None:
                    crossent = v1.nn.sparse_softmax_cross_entropy_with_logits(
                        labels=v1.reshape(target, [-1]), logits=logit)
                else:
                    crossent = softmax_loss_function(labels=target, logits=logit)
                log_perp_list.append(crossent * weight)
            log_perps = v1.add_n(log_perp_list)
            if average_across_timesteps:
                log_perps /= v1.add_n(weights) + 1e-12
        return log_perps

    def sequence_loss(logits: Any, targets: Any, weights: Any,
                      average_across_timesteps: bool = True, average_across_batch: bool = True,
                      softmax_loss_function: Any = None, name: Any = None) -> Any:
        with v1.name_scope(name, "sequence_loss", logits + targets + weights):
            cost = v1.reduce_sum(sequence_loss_by_example(
                logits, targets, weights, average_across_timesteps=average_across_timesteps,
                softmax_loss_function=softmax_loss_function))
            if average_across_batch:
                return cost / v1.cast(v1.shape(targets[0])[0], cost.dtype)
            return cost

    module.rnn_decoder = rnn_decoder
    module.sequence_loss_by_example = sequence_loss_by_example
    module.sequence_loss = sequence_loss
    return module


def _embed_sequence(tf: Any, slim: Any) -> Any:
    """TF1 contrib.layers.embed_sequence (tf_slim dropped it), as TF 1.15 wrote it."""
    v1 = tf.compat.v1

    def embed_sequence(ids: Any, vocab_size: Any = None, embed_dim: Any = None, unique: bool = False,
                       initializer: Any = None, regularizer: Any = None, trainable: bool = True,
                       scope: Any = None, reuse: Any = None) -> Any:
        if not (reuse or (vocab_size and embed_dim)):
            raise ValueError("Must specify vocab size and embedding dimension when not "
                             "reusing. Got vocab_size=%s and embed_dim=%s" % (vocab_size, embed_dim))
        with v1.variable_scope(scope, "EmbedSequence", [ids], reuse=reuse):
            shape = [vocab_size, embed_dim]
            if reuse and vocab_size is None or embed_dim is None:
                shape = None
            embeddings = slim.model_variable("embeddings", shape=shape, initializer=initializer,
                                             regularizer=regularizer, trainable=trainable)
            if unique:
                flat = tf.reshape(ids, [-1])
                uniq, index = tf.unique(flat)
                looked_up = tf.nn.embedding_lookup(embeddings, uniq)
                out = tf.gather(looked_up, index)
                return tf.reshape(out, tf.concat([tf.shape(ids), tf.shape(out)[1:]], 0))
            return v1.nn.embedding_lookup(embeddings, ids)

    return embed_sequence


class HParams:
    """The part of tf.contrib.training.HParams model code uses: keyword construction, attribute
    access, add_hparam / set_hparam / override_from_dict / values / get."""

    def __init__(self, hparam_def: Any = None, model_structure: Any = None, **kwargs: Any) -> None:
        self._names: list[str] = []
        for name, value in kwargs.items():
            self.add_hparam(name, value)

    def add_hparam(self, name: str, value: Any) -> None:
        if name in self._names:
            raise ValueError(f"Hyperparameter name is reserved: {name}")
        self._names.append(name)
        setattr(self, name, value)

    def set_hparam(self, name: str, value: Any) -> None:
        if name not in self._names:
            raise KeyError(name)
        setattr(self, name, value)

    def del_hparam(self, name: str) -> None:
        if name in self._names:
            self._names.remove(name)
            delattr(self, name)

    def override_from_dict(self, values: dict[str, Any]) -> "HParams":
        for name, value in values.items():
            self.set_hparam(name, value)
        return self

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._names}

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self._names else default

    def __contains__(self, key: str) -> bool:
        return key in self._names

    def __repr__(self) -> str:
        return f"HParams({self.values()!r})"
