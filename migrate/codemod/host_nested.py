"""Nested defs of a host whose calls of converted functions the host can rewrite.

A host (code that stays TF1 graph code: a training builder, a sampling function) builds each
module it calls once, before the statement that needs it. A def nested in it (gpt-2's
`sample_sequence.step`, run directly and as a `tf.while_loop` body) is such a statement when the
variable scope its calls run under is known: the def is one of the host's own statements, the
host opens no variable scope at all, and the def is only ever called or handed to a TF API
(`tf.while_loop(body=...)`, `tf.map_fn`), which opens none either. Then every call inside it
runs at the host's root scope, and one module built before the def (captured by the closure)
serves every run of it, as TF1's reuse shared the variables.
"""

from __future__ import annotations

import ast

from migrate.codemod.tfapi import TfNames, ast_dotted_name

_NESTING = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def host_nested_defs(fn: ast.FunctionDef | ast.AsyncFunctionDef, tf: TfNames) -> tuple[frozenset[str], set[tuple[int, int]]]:
    """(the nested defs the host can rewrite, the (line, column) of every call inside them)."""
    if _opens_variable_scope(fn, tf):
        return frozenset(), set()
    defs = {stmt.name: stmt for stmt in fn.body if isinstance(stmt, ast.FunctionDef) and not stmt.decorator_list}
    counts: dict[str, int] = {}
    for node in ast.walk(fn):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not fn:
            counts[node.name] = counts.get(node.name, 0) + 1
    qualifying = {name for name, node in defs.items()
                  if counts.get(name) == 1 and not _has_nesting(node) and _only_called(fn, name, tf)}
    positions = {(n.lineno, n.col_offset) for name in qualifying for n in ast.walk(defs[name]) if isinstance(n, ast.Call)}
    return frozenset(qualifying), positions


def _opens_variable_scope(fn: ast.AST, tf: TfNames) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            api = tf.api(node.func) if isinstance(node.func, (ast.Name, ast.Attribute)) else None
            if api in ("variable_scope", "variable_op_scope", "make_template") or (
                    isinstance(node.func, ast.Attribute) and node.func.attr == "reuse_variables"):
                return True
    return False


def _has_nesting(node: ast.FunctionDef) -> bool:
    return any(isinstance(n, _NESTING) for stmt in node.body for n in ast.walk(stmt))


def _only_called(fn: ast.AST, name: str, tf: TfNames) -> bool:
    """Every use of `name` in `fn` calls it, or passes it to a TF API; it is never rebound."""
    allowed: set[int] = set()
    for node in ast.walk(fn):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id == name:
            allowed.add(id(node.func))
        api = tf.api(node.func) if isinstance(node.func, (ast.Name, ast.Attribute)) else None
        if api is not None:
            for value in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(value, ast.Name) and value.id == name:
                    allowed.add(id(value))
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and node.id == name:
            if not isinstance(node.ctx, ast.Load) or id(node) not in allowed:
                return False
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return False
    return True


def estimator_model_fns(fn: ast.FunctionDef | ast.AsyncFunctionDef, tf: TfNames) -> frozenset[str]:
    """The defs among `fn`'s own statements that are Estimator model_fns (BERT's
    `model_fn_builder(...).model_fn`): they return a `tf.estimator.EstimatorSpec` or a
    `TPUEstimatorSpec`, directly or through a local name. The Estimator calls a model_fn once in
    each graph it builds (train, eval, predict) and TF1 made the variables anew in each, so each
    call of the def is a host of its own: it builds its modules on every run, where it calls them."""
    found = set()
    for stmt in fn.body:
        if isinstance(stmt, ast.FunctionDef) and not stmt.decorator_list and _returns_estimator_spec(stmt, tf):
            found.add(stmt.name)
    return frozenset(found)


def _returns_estimator_spec(fn: ast.FunctionDef, tf: TfNames) -> bool:
    def is_spec(node: ast.AST | None) -> bool:
        if not isinstance(node, ast.Call) or not isinstance(node.func, (ast.Name, ast.Attribute)):
            return False
        api = tf.api(node.func)
        return api is not None and api.rsplit(".", 1)[-1] in ("EstimatorSpec", "TPUEstimatorSpec")

    specs = {t.id for n in ast.walk(fn) if isinstance(n, ast.Assign) and is_spec(n.value)
             for t in n.targets if isinstance(t, ast.Name)}
    return any(isinstance(n, ast.Return) and (is_spec(n.value) or isinstance(n.value, ast.Name) and n.value.id in specs)
               for n in ast.walk(fn))


def nested_host_calls(fn: ast.FunctionDef) -> list[tuple[str, int]]:
    """Names called inside the functions and lambdas nested in a nested host (a model_fn's
    `metric_fn`, `tpu_scaffold`): the host rewrites only its own statements."""
    out = []
    for stmt in fn.body:
        for node in ast.walk(stmt):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call):
                        name = ast_dotted_name(call.func)
                        if name is not None:
                            out.append((name, call.lineno))
    return out

