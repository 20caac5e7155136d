"""Contrib's internal module paths read as the public names they re-export.

TF1 code imports contrib layers from where they are defined as often as from `tf.contrib.layers`
(`from tensorflow.contrib.layers.python.layers import batch_norm`, Conditional-GAN;
`tensorflow.contrib.framework.python.ops.add_arg_scope`, openai/weightnorm). The package's
`__init__` re-exports them, so they are the same objects: both stages read the internal path as
the public one (the layer library, the initializer rewrites and the contrib findings all know the
public names only).
"""

from __future__ import annotations

# (internal prefix, public prefix), longest first; the submodules `contrib.layers` and
# `contrib.framework` re-export with `from ...<submodule> import *`
_REEXPORTS = tuple(
    [(f"contrib.layers.python.layers.{sub}.", "contrib.layers.")
     for sub in ("layers", "initializers", "regularizers", "normalization", "encoders", "embedding_ops",
                 "optimizers", "summaries", "feature_column")]
    + [(f"contrib.framework.python.ops.{sub}.", "contrib.framework.")
       for sub in ("arg_scope", "variables", "ops")]
)
_PACKAGES = (("contrib.layers.python.layers.", "contrib.layers."),
             ("contrib.framework.python.ops.", "contrib.framework."))
# submodules of those packages that are not re-exported names (utils: `layers.utils.smart_cond`)
_NOT_REEXPORTED = {"utils", "target_column", "rev_block_lib", "layers", "initializers", "regularizers",
                   "normalization", "encoders", "embedding_ops", "optimizers", "summaries", "feature_column",
                   "arg_scope", "variables", "ops", "checkpoint_ops", "sort_ops", "audio_ops", "prettyprint_ops",
                   "critical_section_ops", "script_ops"}


def public_contrib_name(api: str) -> str:
    """`contrib.layers.python.layers.batch_norm` -> `contrib.layers.batch_norm` (an API name
    without its `tensorflow.` / `tf.` prefix); anything else as it is."""
    if not api.startswith("contrib.") or ".python." not in api:
        return api
    for internal, public in _REEXPORTS:
        if api.startswith(internal) and "." not in api[len(internal):]:
            return public + api[len(internal):]
    for internal, public in _PACKAGES:
        rest = api[len(internal):]
        if api.startswith(internal) and rest and "." not in rest and rest not in _NOT_REEXPORTED:
            return public + rest
    return api
