"""Every variable_scope / get_variable the run leaves is accounted for on its own line.

Code kept as TF1 gets an info note on each such call saying why it stays: the first warning or
error of its function (or of the module level, for script code), named by code and line, e.g.
"`tf.variable_scope` in create_model stays TF1 code (tf.compat.v1): create_model was not
converted (unsupported-call at line 459)". The refusal itself is reported where it happens (an optimizer
at line 459); without the note, a scope at line 403 of the same function looked unexplained.
Calls through TensorFlow's private modules are reported by migrate/codemod/private_api.py.
"""

from __future__ import annotations

import ast
from typing import Iterable

from migrate.codemod.private_api import private_api_diagnostics
from migrate.codemod.tfapi import TfNames
from migrate.diagnostics import Diagnostic

VARIABLE_APIS = ("variable_scope", "get_variable", "variable_op_scope")
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


def leftover_notes(tree: ast.Module, tf: TfNames, diagnostics: Iterable[Diagnostic],
                   converted: frozenset[str], script_converted: bool,
                   kept: frozenset[str] = frozenset(), hosts: frozenset[str] = frozenset()) -> list[Diagnostic]:
    """Notes for the variable API calls of code the run keeps as TF1 (`converted`: qualified
    names of the functions that were; `script_converted`: the module level was; `kept`:
    converted functions whose TF1 def also stays, for callers that stay TF1; `hosts`: training
    graph builders, which stay TF1 by design and report nothing of their own)."""
    if not tf.aliases:
        return []
    diagnostics = list(diagnostics)
    on_a_line = {d.line for d in diagnostics}
    out: list[Diagnostic] = private_api_diagnostics(tree, tf, set(on_a_line))
    reasons = sorted((d for d in diagnostics if d.severity != "info" and d.line > 0),
                     key=lambda d: (d.line, d.column))
    explained = {d.line for d in reasons} | {d.line for d in out}
    spans = [(s.lineno, s.end_lineno or s.lineno) for s in tree.body if isinstance(s, (*_DEFS, ast.ClassDef))]

    def module_level(line: int) -> bool:
        return not any(a <= line <= b for a, b in spans)

    def reason_for(span: tuple[int, int] | None) -> Diagnostic | None:
        if span is None:
            return next((d for d in reasons if module_level(d.line)), None)
        inside = [d for d in reasons if span[0] <= d.line <= span[1]]
        # the def line's own diagnostic first: unconvertible-callee names its component's reason
        return next((d for d in inside if d.line == span[0]), inside[0] if inside else None)

    def scan(node: ast.AST, qualname: str | None, span: tuple[int, int] | None,
             owner: tuple[str, tuple[int, int]] | None = None) -> None:
        """`owner`: (class, its span) of a method of a class that stays TF1 as a whole: a method
        with no diagnostic of its own (a scope that only names ops, srez's `add_flatten`) stays
        because its class does, and is told so by the class's first reason."""
        reason: Diagnostic | None = None
        looked = False
        via_class = False
        for child in ast.walk(node):
            if type(child) is not ast.Call or child.lineno in explained:
                continue
            api = tf.api(child.func) if isinstance(child.func, (ast.Name, ast.Attribute)) else None
            if api not in VARIABLE_APIS:
                continue
            if not looked:
                reason, looked = reason_for(span), True
                if reason is None and owner is not None:
                    reason = reason_for(owner[1])
                    via_class = reason is not None
            host = reason is None and qualname in hosts
            if reason is None and child.lineno in on_a_line and not host:
                continue  # already noted (the upgrade's compat-v1-kept) and nothing to add
            message = (f"`tf.{api}` in {qualname} stays TF1 code in its kept def (kept-tf1): callers that stay "
                       "TF1 still call it; its class is the converted code") if qualname in kept \
                else (f"`tf.{api}` in {qualname} stays TF1 code (tf.compat.v1): {qualname} builds the training "
                      "graph (placeholders, a training op or a session), which stays TF1 graph code by design: "
                      "port it to eager code by hand") if host \
                else _message(api, qualname, reason, owner[0] if via_class and owner else None)
            out.append(Diagnostic("compat-v1-kept", message, child.lineno, child.col_offset, "info"))
            explained.add(child.lineno)

    for stmt in tree.body:
        if isinstance(stmt, _DEFS):
            if stmt.name not in converted or stmt.name in kept:
                scan(stmt, stmt.name, (stmt.lineno, stmt.end_lineno or stmt.lineno))
        elif isinstance(stmt, ast.ClassDef):
            whole = None if any(q.startswith(f"{stmt.name}.") for q in converted) else \
                (stmt.name, (stmt.lineno, stmt.end_lineno or stmt.lineno))
            for item in stmt.body:
                if isinstance(item, _DEFS):
                    qual = f"{stmt.name}.{item.name}"
                    if qual not in converted:
                        scan(item, qual, (item.lineno, item.end_lineno or item.lineno), whole)
                else:
                    scan(item, stmt.name, (stmt.lineno, stmt.end_lineno or stmt.lineno))
        elif not script_converted:
            scan(stmt, None, None)
    return out


def _message(api: str, qualname: str | None, reason: Diagnostic | None, cls: str | None = None) -> str:
    where = f"in {qualname}" if qualname else "at module level"
    head = f"`tf.{api}` {where} stays TF1 code (tf.compat.v1): "
    if reason is None:
        return head + "its function was not converted, see the other diagnostics of this file"
    if cls is not None:
        return head + f"its class {cls} stays TF1 ({reason.code} at line {reason.line})"
    what = qualname or "the module-level code"
    return head + f"{what} was not converted ({reason.code} at line {reason.line})"
