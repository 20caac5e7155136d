"""Calls that TF1 rejects: a function run again in the same variable scope without reuse.

`def head(x): return tf.layers.dense(x, 3, name="fc")` called twice under
`variable_scope("model")` (or once per turn of a loop whose scope does not change) makes
`model/fc/kernel` twice: TF1 raises "Variable model/fc/kernel already exists, disallowed". The
same goes for `tf.get_variable("w", ...)` and for every creator inside a function's own named
scope (re-entering a named scope restarts its layer counter: `blk/dense` again). Sharing one
module between those calls would turn an error into a model TF1 never built, so the converter
asks here and refuses the call instead (verified on TF 2.21 graph mode, tf_keras legacy layers).

Only what the text shows for certain counts: a creation at the function's top level (inside
`with` blocks, not under `if` / loops / `try` / nested defs), with a literal name, in a function
whose text never mentions reuse (`reuse=`, `AUTO_REUSE`, `reuse_variables()`), outside any
`default_name` scope (those are uniquified).
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.creators import SPECS
from migrate.codemod.tfapi import TfNames

_REUSE_WORDS = ("reuse", "AUTO_REUSE")


def mentions_reuse(node: cst.CSTNode) -> bool:
    """Any name, attribute or keyword spelled like reuse (`reuse=`, `tf.AUTO_REUSE`,
    `scope.reuse_variables()`, a `reuse` parameter)."""
    found = [False]

    class _V(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            if any(word in n.value for word in _REUSE_WORDS):
                found[0] = True

    node.visit(_V())
    return found[0]


def repeated_creation(function: cst.FunctionDef, tf: TfNames) -> str | None:
    """What `function` creates again under the same name when it runs a second time in the same
    non-reusing variable scope (TF1's "already exists" error), e.g. "tf.layers.dense(name='fc')";
    None when the text does not show it for certain. Outside a named scope of its own, unnamed
    layers are uniquified (`dense_1`): only named ones collide there."""
    if mentions_reuse(function):
        return None
    return _first_in(function.body, tf, True)


def check_call_site(converter, original: cst.Call, site, callee: str, attr: str | None,
                    key: str | None) -> None:
    """Raise Unsupported when this call of `callee` runs it again in the scope where it already
    ran (the same submodule `attr`, or a loop turning in one scope: `key` is None) and TF1 would
    have raised "already exists"; the converter (body.BodyConverter) is asked for its scopes."""
    from migrate.codemod.scopes import Unsupported

    # (sites first made under a branch: `if a: head(x) else: head(y)` runs one of them)
    conditional = converter.__dict__.setdefault("_conditional_creation_sites", set())
    site_key = (converter._path(), site.shared_key)
    if attr is None and converter.cond_depth:
        conditional.add(site_key)
    again = attr is not None or (converter.loop_depth and key is None)
    if not again or site.shared_key is None or site.reuse_true or converter.cond_depth \
            or site_key in conditional or converter._reusing() or converter.own_reuse:
        return
    if any(c.reuse is not None for c in converter._scope_defaults()) or mentions_reuse(converter.info.node) \
            or any(a.keyword is not None and a.keyword.value in ("reuse", "_reuse") for a in original.args):
        return
    info = converter.ctx.analysis.functions[callee]
    if info.external is not None and info.external.implicit:
        spec = SPECS.get(info.external.origin[len("tf."):])
        what = f"{info.external.spelling}(..., {spec.scope_param}={site.shared_key!r})" if spec else None
    else:
        what = repeated_creation(info.node, converter.tf) if info.node is not None else None
    if what is None:
        return
    where = "again on each turn of this loop" if attr is None else "a second time"
    raise Unsupported("unsupported-scope", f"{callee} runs {where} in the same variable scope without "
                      f"reuse: {what} makes the same variables again, which TF1 rejects "
                      "('Variable ... already exists'); give each call its own scope or reuse=True", original)


def _first_in(block: cst.BaseSuite, tf: TfNames, scope_less: bool) -> str | None:
    body = block.body if isinstance(block, cst.IndentedBlock) else [block]
    for stmt in body:
        if isinstance(stmt, cst.With):
            if any(_uniquified_scope(tf, item.item) for item in stmt.items):
                continue
            found = _first_in(stmt.body, tf, scope_less and not _opens_named_scope(tf, stmt))
        elif isinstance(stmt, cst.SimpleStatementLine):
            found = _first_in_expressions(stmt, tf, scope_less)
        else:  # if / for / while / try / def / class: not certain to run, or not now
            found = None
        if found is not None:
            return found
    return None


def _first_in_expressions(stmt: cst.SimpleStatementLine, tf: TfNames, scope_less: bool) -> str | None:
    found: list[str] = []

    class _Calls(cst.CSTVisitor):
        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_IfExp(self, node: cst.IfExp) -> bool:
            return False

        def visit_BooleanOperation(self, node: cst.BooleanOperation) -> bool:
            return False

        def visit_ListComp(self, node: cst.ListComp) -> bool:
            return False

        def visit_GeneratorExp(self, node: cst.GeneratorExp) -> bool:
            return False

        def visit_Call(self, node: cst.Call) -> None:
            if not found:
                what = _creation(node, tf, scope_less)
                if what is not None:
                    found.append(what)

    stmt.visit(_Calls())
    return found[0] if found else None


def _creation(call: cst.Call, tf: TfNames, scope_less: bool) -> str | None:
    api = tf.api(call.func) or ""
    if api in ("get_variable", "compat.v1.get_variable"):
        name = _argument(call, "name", 0)
        text = _literal(name)
        return f"tf.get_variable({text!r})" if text is not None else None
    spec = SPECS.get(api)
    if spec is None:
        return None
    index = spec.params.index(spec.scope_param)
    name = _argument(call, spec.scope_param, index)
    text = _literal(name)
    if text is not None:
        return f"tf.{api}({spec.scope_param}={text!r})"
    if scope_less or not (name is None or isinstance(name, cst.Name) and name.value == "None"):
        return None
    return f"tf.{api}(...) (named {spec.default_name!r} again in the re-entered scope)"


def _argument(call: cst.Call, keyword: str, index: int) -> cst.BaseExpression | None:
    positional = [a for a in call.args if a.keyword is None and not a.star]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    return positional[index].value if index < len(positional) else None


def _literal(expr: cst.BaseExpression | None) -> str | None:
    if isinstance(expr, cst.SimpleString):
        value = expr.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _uniquified_scope(tf: TfNames, item: cst.BaseExpression) -> bool:
    """`variable_scope(None, default_name=...)` / `variable_scope(name, default_name=...)`:
    TF1 may give it a new name on each run."""
    if not isinstance(item, cst.Call) or tf.api(item.func) not in ("variable_scope", "compat.v1.variable_scope"):
        return False
    return any(a.keyword is not None and a.keyword.value == "default_name" for a in item.args) \
        or len([a for a in item.args if a.keyword is None]) > 1


def _opens_named_scope(tf: TfNames, stmt: cst.With) -> bool:
    return any(isinstance(i.item, cst.Call) and tf.api(i.item.func) in ("variable_scope", "compat.v1.variable_scope")
               for i in stmt.items)
