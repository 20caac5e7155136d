"""Variable APIs reached through TensorFlow's private modules (`tensorflow.python.*`).

Library-style code (seq2seq's decoder, xlnet's copy of tpu_estimator) imports
`from tensorflow.python.ops import variable_scope` and calls `variable_scope.variable_scope(...)`
/ `variable_scope.get_variable(...)`. Only the public `tf.*` API is analysed and converted, so
these calls stay as they are (TF2 still ships that module: they run as TF1 code). Each one is
reported on its own line, so no variable_scope / get_variable is left without a reason.
"""

from __future__ import annotations

import ast

from migrate.codemod.tfapi import TfNames, ast_dotted_name
from migrate.diagnostics import Diagnostic

_PRIVATE = "tensorflow.python."
_VARIABLE_APIS = ("variable_scope", "get_variable", "variable_op_scope")


def private_variable_api(tf: TfNames, func: ast.expr) -> tuple[str, str] | None:
    """(the call's spelling, its full private name) when `func` names a variable API of a
    `tensorflow.python.*` module, else None."""
    full = tf.full_name(func)
    if full is None or not full.startswith(_PRIVATE) or full.rsplit(".", 1)[-1] not in _VARIABLE_APIS:
        return None
    return ast_dotted_name(func) or full, full


def private_api_diagnostics(tree: ast.Module, tf: TfNames, covered: set[int]) -> list[Diagnostic]:
    """One `private-api` warning per line with such a call that no diagnostic covers yet
    (`covered` is updated)."""
    if not any(full.startswith(_PRIVATE) for full in tf.aliases.values()):
        return []
    out: list[Diagnostic] = []
    for node in ast.walk(tree):
        if type(node) is not ast.Call or node.lineno in covered:
            continue
        found = private_variable_api(tf, node.func)
        if found is None:
            continue
        spelling, full = found
        out.append(Diagnostic(
            "private-api", f"`{spelling}` is {full}, TensorFlow's private module: only the public "
            "tf.* API is converted, this call stays TF1 code", node.lineno, node.col_offset))
        covered.add(node.lineno)
    return sorted(out, key=lambda d: (d.line, d.column))
