"""Scope-less helpers whose every call opens a fresh variable scope: their unnamed layers can be
numbered as TF1 numbered them.

`def mlp(x): for _ in range(2): x = tf.layers.dense(x, 6)` makes `dense`, `dense_1` in the
*caller's* variable scope, counted from whatever that scope made before. When every call of the
helper in the file is the first thing that can make a layer in a `with tf.variable_scope("disc")`
block entered by a literal name (TF1 resets a named scope's counters when it is left, so also on
a `reuse=True` re-entry), the count starts at 0 at each call, exactly as in a scope the helper
entered itself; layer_inline.py then writes the numbers out (`name="dense" + ...`).

Required of each call site: a plain call `mlp(...)` (the function is used in no other way in the
file), the statement holding it directly in the body of such a `with`, once in that body, and
every other call in that body a TensorFlow op that makes no variables (or a builtin), so nothing
before or after it in the block takes a default name. Calls from other files cannot be seen:
the helper must be a module-level function whose name starts with `_`, or the file must be the
only one calling it (left to the caller of `fresh_scope_helpers`: `public_ok`).
"""

from __future__ import annotations

import ast
import builtins

from migrate.codemod.creators import SPECS
from migrate.codemod.creators_rnn import RUNNERS
from migrate.codemod.tfapi import TfNames

_MAKERS = frozenset({"get_variable", "Variable", "variable_scope", "make_template"})
_BUILTINS = frozenset(dir(builtins))


def fresh_scope_helpers(tree: ast.Module, tf: TfNames, public_ok: bool = False) -> set[str]:
    """Names of module-level functions every call of which opens a fresh named variable scope."""
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    if not public_ok:
        functions = {name for name in functions if name.startswith("_")}
    if not functions:
        return set()
    parents = {id(child): parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    calls: dict[str, list[ast.Call]] = {}
    bad: set[str] = set()
    for node in ast.walk(tree):
        if type(node) is ast.Name and node.id in functions:
            parent = parents.get(id(node))
            if type(parent) is ast.Call and parent.func is node:
                calls.setdefault(node.id, []).append(parent)
            elif not isinstance(node.ctx, ast.Store):
                bad.add(node.id)  # passed as a value, decorated, ...
    return {name for name, sites in calls.items()
            if name not in bad and all(_fresh_site(site, name, parents, tf) for site in sites)}


def _fresh_site(call: ast.Call, name: str, parents: dict[int, ast.AST], tf: TfNames) -> bool:
    statement = parents.get(id(call))
    while statement is not None and not isinstance(statement, ast.stmt):
        statement = parents.get(id(statement))
    block = parents.get(id(statement))
    if not isinstance(block, ast.With) or statement not in block.body:
        return False
    if not any(_named_variable_scope(item.context_expr, tf) for item in block.items):
        return False
    for stmt in block.body:
        for node in ast.walk(stmt):
            if type(node) is not ast.Call or node is call:
                continue
            if type(node.func) is ast.Name:
                if node.func.id == name or node.func.id not in _BUILTINS:
                    return False  # the helper twice, or code the text does not show
                continue
            api = tf.api(node.func)
            if api is None:
                if _method_of_local(node):
                    continue
                return False
            if api in SPECS or api in RUNNERS or api in _MAKERS or api.startswith(("layers.", "contrib.")):
                return False
    return True


def _method_of_local(call: ast.Call) -> bool:
    """`x.get_shape()`, `h.shape.as_list()`: a method of a value (makes no variables)."""
    func = call.func
    return type(func) is ast.Attribute and func.attr in {"get_shape", "as_list", "append", "format"}


def _named_variable_scope(expr: ast.expr, tf: TfNames) -> bool:
    if type(expr) is not ast.Call or tf.api(expr.func) != "variable_scope":
        return False
    first = expr.args[0] if expr.args else next(
        (k.value for k in expr.keywords if k.arg == "name_or_scope"), None)
    return type(first) is ast.Constant and isinstance(first.value, str)
