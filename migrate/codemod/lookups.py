"""Variable listings that a converted model can answer itself.

`tf.trainable_variables()`, `tf.global_variables()` and `tf.get_collection(GraphKeys.
TRAINABLE_VARIABLES | GLOBAL_VARIABLES, scope="literal")` inside converted code list what the
model created (UPDATE_OPS: nothing, the layer library updates moving statistics in the call); the module tree knows the same variables: `owner.trainable_variables` (a method:
the whole model object) or `self.trainable_variables` (a root function's module). TF1's `scope`
filter is `re.match(scope, name)`: a literal without regex characters is a name prefix. The
names are kept, so filters such as `[v for v in t_vars if 'd_' in v.name]` select the same set;
the order is tf.Module's (by attribute), not creation order.
"""

from __future__ import annotations

import ast
import functools
import re

import libcst as cst

from migrate.codemod.tfapi import TfNames

_LISTINGS = {"trainable_variables": "trainable", "global_variables": "all", "all_variables": "all"}
# contrib.framework / slim listings by scope: `get_variables(scope=None, suffix=None,
# collection=GLOBAL_VARIABLES)`, `get_trainable_variables(scope=None, suffix=None)`.
_FRAMEWORK = {f"{prefix}.{name}": kind for prefix in ("contrib.framework", "contrib.slim")
              for name, kind in (("get_variables", "all"), ("get_trainable_variables", "trainable"))}
_KEYS = {"TRAINABLE_VARIABLES": "trainable", "GLOBAL_VARIABLES": "all", "UPDATE_OPS": "updates"}
_PLAIN = re.compile(r"^[A-Za-z0-9_/]+$")
# The prefix of a listing by a scope given by name (`get_variables(vs)`, `scope=vs.name`): the
# name follows; the body walk answers it when it is the function's own captured scope, and
# refuses it naming the module otherwise.
CAPTURED = "@"


def by_captured_scope(listing: tuple[str, str | None] | None) -> bool:
    return listing is not None and listing[1] is not None and listing[1].startswith(CAPTURED)


def _literal(value) -> str | None:
    return value if isinstance(value, str) and _PLAIN.match(value) else None


def ast_listing(tf: TfNames, node: ast.Call) -> tuple[str, str | None] | None:
    return _classify(tf.api(node.func), [a for a in node.args],
                     {k.arg: k.value for k in node.keywords if k.arg}, any(k.arg is None for k in node.keywords),
                     lambda e: e.value if isinstance(e, ast.Constant) else _Unknown,
                     lambda e: tf.api(e) if isinstance(e, ast.Attribute) else None,
                     _ast_dotted)


def cst_listing(tf: TfNames, node: cst.Call) -> tuple[str, str | None] | None:
    args = [a.value for a in node.args if a.keyword is None and not a.star]
    kwargs = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
    return _classify(tf.api(node.func), args, kwargs, any(a.star for a in node.args),
                     lambda e: _cst_string(e), lambda e: tf.api(e) if isinstance(e, cst.Attribute) else None,
                     _cst_dotted)


class _Unknown:
    pass


def _ast_dotted(e) -> str | None:
    """`vs`, `vs.name`: a scope that may be a captured VariableScope (None for anything else;
    the analysis refuses other computed scopes, the body walk names the module for these)."""
    if isinstance(e, ast.Name):
        return e.id
    if isinstance(e, ast.Attribute) and e.attr == "name" and isinstance(e.value, ast.Name):
        return f"{e.value.id}.name"
    return None


def _cst_dotted(e) -> str | None:
    if isinstance(e, cst.Name):
        return e.value
    if isinstance(e, cst.Attribute):
        inner = _cst_dotted(e.value)
        return f"{inner}.{e.attr.value}" if inner is not None else None
    return None


def _cst_string(e: cst.BaseExpression):
    if isinstance(e, cst.SimpleString):
        return e.evaluated_value
    if isinstance(e, cst.Name) and e.value == "None":
        return None
    return _Unknown


def _classify(api, args, kwargs, starred, value_of, api_of, name_of=lambda e: None) -> tuple[str, str | None] | None:
    _scoped = functools.partial(_scoped_by, name_of=name_of)
    if api is None or starred:
        return None
    if api in _LISTINGS:
        scope = kwargs.get("scope", args[0] if args else None)
        if len(args) > 1 or set(kwargs) - {"scope"}:
            return None
        return _scoped(_LISTINGS[api], scope, value_of)
    if api in _FRAMEWORK:
        scope = kwargs.get("scope", args[0] if args else None)
        suffix = kwargs.get("suffix", args[1] if len(args) > 1 else None)
        collection = kwargs.get("collection", args[2] if len(args) > 2 and api.endswith(".get_variables") else None)
        if len(args) > (3 if api.endswith(".get_variables") else 2) or set(kwargs) - {"scope", "suffix", "collection"} \
                or (suffix is not None and value_of(suffix) is not None):
            return None
        kind = _FRAMEWORK[api]
        if collection is not None:
            key_api = api_of(collection)
            kind = _KEYS.get(key_api.rsplit(".", 1)[-1]) if key_api and key_api.startswith("GraphKeys.") else None
            if kind not in ("trainable", "all") or api.endswith("get_trainable_variables"):
                return None
        return _scoped(kind, scope, value_of)
    if api in ("get_collection", "get_collection_ref"):
        key = kwargs.get("key", args[0] if args else None)
        scope = kwargs.get("scope", args[1] if len(args) > 1 else None)
        if key is None or len(args) > 2 or set(kwargs) - {"key", "scope"}:
            return None
        key_api = api_of(key)
        kind = _KEYS.get(key_api.rsplit(".", 1)[-1]) if key_api and key_api.startswith("GraphKeys.") else None
        if kind is None:
            return None
        return _scoped(kind, scope, value_of)
    return None


def _scoped_by(kind: str, scope, value_of, name_of) -> tuple[str, str | None] | None:
    if scope is None:
        return kind, None
    value = value_of(scope)
    if value is _Unknown and name_of(scope) not in (None, "None"):
        return kind, CAPTURED + name_of(scope)
    if value is None:
        return kind, None
    prefix = _literal(value)
    return (kind, prefix) if prefix is not None else None


def listing_code(kind: str, prefix: str | None, root: str) -> str:
    if kind == "updates":
        # the layer library applies batch-norm updates in the call: nothing is left to run
        return "[]"
    attr = "trainable_variables" if kind == "trainable" else "variables"
    if prefix is None:
        return f"list({root}.{attr})"
    return f"[v for v in {root}.{attr} if v.name.startswith({prefix!r})]"


# The graph collections that hold variables (GraphKeys' values), the update ops the layer library
# replaces, and the regularization losses the modules answer: looking them up is a variable lookup.
_VARIABLE_COLLECTIONS = frozenset({
    "variables", "trainable_variables", "local_variables", "model_variables", "moving_average_variables",
    "trainable_resource_variables", "concatenated_variables", "saveable_objects", "update_ops",
    "regularization_losses", "metric_variables", "_VARS_TO_SAVE",
})
_TENSOR_KEYS = frozenset({"LOSSES", "SUMMARIES", "ACTIVATIONS", "WEIGHTS", "BIASES"})


def reads_tensor_collection(tf: TfNames, node: ast.Call) -> bool:
    """`tf.get_collection('losses', scope)` (CIFAR-10's tower_loss) or `GraphKeys.LOSSES`: a
    collection of tensors the code added itself (`tf.add_to_collection('losses', wd)`), not a
    lookup of variables by collection or name."""
    if tf.api(node.func) not in ("get_collection", "get_collection_ref"):
        return False
    key = node.args[0] if node.args else next((kw.value for kw in node.keywords if kw.arg == "key"), None)
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return key.value not in _VARIABLE_COLLECTIONS
    key_api = tf.api(key) if isinstance(key, (ast.Name, ast.Attribute)) else None
    return key_api is not None and key_api.startswith("GraphKeys.") and key_api.rsplit(".", 1)[-1] in _TENSOR_KEYS
