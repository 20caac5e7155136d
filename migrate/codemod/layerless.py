"""Names a file calls that provably open no variable scope: TF1 numbered unnamed layers per
variable scope (`Conv`, `Conv_1`, ...) by the scopes opened before them, so a call between
two numbered layers either could take a number (a helper that builds a layer) or cannot.

Cannot: the numeric and standard modules the file imports (`np.prod`, `math.sqrt`), and the
file's own top-level functions whose bodies call only TF ops that make no variables, builtins,
methods of their own values, such modules and other such functions (BEGAN's `reshape`,
`upscale`, `get_conv_shape`: tensor plumbing between its unnamed `slim.conv2d` calls).
"""

from __future__ import annotations

import ast

from migrate.codemod.tfapi import TfNames

# modules whose functions never touch TF's variable scopes
_PLAIN_MODULES = frozenset({
    "numpy", "math", "scipy", "random", "itertools", "functools", "operator", "collections",
    "string", "re", "os", "sys", "time", "json", "copy", "logging", "six"})
# TF APIs that open variable scopes or make variables (anything naming one of these words)
_SCOPED_WORDS = ("layers", "variable", "Variable", "contrib", "slim", "keras", "rnn", "Cell",
                 "make_template", "Module", "Template", "estimator", "compat", "batch_norm",
                 "fully_connected", "conv", "dense", "embedding", "summary")
# builtins and methods of plain values (tensors, lists, strings): no code of the run's behind them
# (layer_inline.py's test of the calls between numbered layers uses these two as they are)
SAFE_BUILTINS = frozenset({
    "range", "len", "zip", "enumerate", "reversed", "list", "tuple", "dict", "set", "int",
    "float", "str", "bool", "min", "max", "abs", "sum", "sorted", "isinstance", "print",
    "getattr", "hasattr", "round", "any", "all", "repr", "format"})
VALUE_METHODS = frozenset({
    "get_shape", "as_list", "set_shape", "append", "extend", "insert", "pop", "format", "items",
    "keys", "values", "get", "copy", "split", "join", "replace", "startswith", "endswith",
    "index", "count", "update"})
# a helper's body may also use these (map / filter call what they are given: not here)
_BUILTINS = SAFE_BUILTINS | {"divmod", "pow", "type", "ValueError", "TypeError",
                             "NotImplementedError", "Exception"}
_VALUE_METHODS = VALUE_METHODS | {"lower", "upper", "strip"}


def layerless_names(tree: ast.Module, tf: TfNames) -> frozenset[str]:
    """Plain-module aliases and top-level function names of `tree` (see the module doc)."""
    modules = _plain_module_aliases(tree)
    defs = {node.name: node for node in tree.body if type(node) is ast.FunctionDef}
    safe: set[str] = set()
    changed = True
    while changed:  # (a helper calling a helper: to a fixpoint)
        changed = False
        for name, node in defs.items():
            if name not in safe and _layerless_body(node, tf, modules, safe):
                safe.add(name)
                changed = True
    return frozenset(modules | safe)


def _plain_module_aliases(tree: ast.Module) -> set[str]:
    aliases: set[str] = set()
    for node in tree.body:
        if type(node) is ast.Import:
            for alias in node.names:
                if alias.name.split(".", 1)[0] in _PLAIN_MODULES:
                    aliases.add(alias.asname or alias.name.split(".", 1)[0])
    return aliases


def _layerless_body(fn: ast.FunctionDef, tf: TfNames, modules: set[str], safe: set[str]) -> bool:
    if fn.decorator_list:
        return False
    local = {a.arg for a in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)}
    local |= {a.arg for a in (fn.args.vararg, fn.args.kwarg) if a is not None}
    for node in ast.walk(fn):
        if type(node) is ast.Name and type(node.ctx) is ast.Store:
            local.add(node.id)
    for node in ast.walk(fn):
        if type(node) in (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef) \
                and node is not fn:
            return False
        if type(node) is ast.Call and not _layerless_call(node.func, tf, modules, safe, local):
            return False
    return True


def _layerless_call(func: ast.expr, tf: TfNames, modules: set[str], safe: set[str],
                    local: set[str]) -> bool:
    if type(func) is ast.Name:
        return func.id in _BUILTINS or func.id in safe
    api = tf.api(func) if type(func) is ast.Attribute else None
    if api is not None:
        return not any(word in api for word in _SCOPED_WORDS)
    root = func
    while type(root) in (ast.Attribute, ast.Subscript):
        root = root.value
    if type(root) is ast.Call:
        return True  # (a method of a call's result: that call is judged itself)
    if type(root) is ast.Constant:
        return True  # ("_".join(...))
    if type(root) is not ast.Name:
        return False
    # a plain module's function, or a tensor's / list's method on a value of its own (a
    # parameter holding a model object may have methods that build layers)
    return root.id in modules or (root.id in local and type(func) is ast.Attribute
                                  and func.attr in _VALUE_METHODS)
