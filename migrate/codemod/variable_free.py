"""tf.layers / contrib / slim functions under the creator prefixes ("layers.", "contrib.") that
make no variables: a `variable_scope` around only these names ops, and is a `tf.name_scope` in
TF2 (Kyubyong's attention: softmax, then tf.layers.dropout; P's H21). Not slim.repeat /
slim.stack: they run the creator they are given."""

from __future__ import annotations

VARIABLE_FREE_LAYERS = frozenset(
    {"dropout", "flatten", "Dropout", "Flatten", "max_pool2d", "avg_pool2d", "xavier_initializer",
     "xavier_initializer_conv2d", "variance_scaling_initializer", "l1_regularizer", "l2_regularizer",
     "l1_l2_regularizer", "sum_regularizer"}
    | {f"{kind}{rank}d" for kind in ("max_pooling", "average_pooling") for rank in (1, 2, 3)}
    | {f"{kind}{rank}D" for kind in ("MaxPooling", "AveragePooling", "MaxPool", "AvgPool") for rank in (1, 2, 3)})


def makes_variables(api: str | None, creators: frozenset[str] | set[str], prefixes: tuple[str, ...]) -> bool:
    """A TF call (`api` relative to tf: "layers.dense") that may create variables."""
    if api is None:
        return False
    return api in creators or api.startswith(prefixes) and api.rsplit(".", 1)[-1] not in VARIABLE_FREE_LAYERS
