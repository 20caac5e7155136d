"""Variable listings the conversion leaves as TF1 code, in a file whose variable code converted.

`tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=self.name)` in a property beside a
converted `__call__` (baselines' `Model.trainable_vars`), `tf.trainable_variables()` in a training
function: the converted modules' `tf.Variable`s are in the graph's collections only while graph
code builds them (a session-based trainer still finds them); run eagerly, the listing is empty.
An info note says so, naming the modules whose variables to use instead.
"""

from __future__ import annotations

import ast

from migrate.codemod.analyse import FileAnalysis
from migrate.codemod.lookups import ast_listing
from migrate.codemod.tfapi import TfNames
from migrate.diagnostics import Diagnostic
from migrate.result import ConvertedFunction

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


def stale_listings(tree: ast.Module, tf: TfNames, analysis: FileAnalysis,
                   functions: tuple[ConvertedFunction, ...] | list[ConvertedFunction]) -> list[Diagnostic]:
    """One info note per listing of trainable / global variables in a function or method the
    conversion left, when the file converted functions that create variables."""
    if not functions:
        return []
    converted = {f.legacy_name for f in functions}
    classes = sorted({f.class_name for f in functions if f.variables or f.submodules})
    if not classes:
        return []
    shown = ", ".join(classes[:4]) + (", ..." if len(classes) > 4 else "")
    out: list[Diagnostic] = []
    for qualname, fn in _defs(tree):
        if qualname in converted or qualname in analysis.converted:
            continue
        for node in ast.walk(fn):
            if type(node) is not ast.Call:
                continue
            listing = ast_listing(tf, node)
            if listing is None or listing[0] == "updates":
                continue
            api = tf.api(node.func)
            kind = "trainable_variables" if listing[0] == "trainable" else "variables"
            out.append(Diagnostic(
                "scope-lookup", f"tf.{api} in {qualname} stays TF1 code: it reads the graph's collections, which "
                f"hold the variables of the converted modules ({shown}) only while graph code runs; run eagerly, "
                f"it lists none of them: use their `.{kind}`", node.lineno, node.col_offset, "info"))
    return out


def _defs(tree: ast.Module):
    for stmt in tree.body:
        if isinstance(stmt, _DEFS):
            yield stmt.name, stmt
        elif isinstance(stmt, ast.ClassDef):
            for item in stmt.body:
                if isinstance(item, _DEFS):
                    yield f"{stmt.name}.{item.name}", item
