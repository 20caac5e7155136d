"""Code the structural stage refuses stays TF1 with compat renames only: a test helper that
says whether an output differs from its input by nothing else.

The renames it undoes are the ones the upgrade stage's compat mode makes: `tf.X` spelled
`tf.compat.v1.X` (whatever root name the file uses), and `D.value` of a shape dimension spelled
`tf.compat.dimension_value(D)`. Compared on the ast, so the check ignores nothing but those.
"""

from __future__ import annotations

import ast


class _Undo(ast.NodeTransformer):
    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        inner = node.value  # `<root>.compat.v1.<attr>` -> `<root>.<attr>`
        if (isinstance(inner, ast.Attribute) and inner.attr == "v1"
                and isinstance(inner.value, ast.Attribute) and inner.value.attr == "compat"):
            return ast.Attribute(value=inner.value.value, attr=node.attr, ctx=node.ctx)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr == "dimension_value"
                and isinstance(func.value, ast.Attribute) and func.value.attr == "compat"
                and len(node.args) == 1 and not node.keywords):
            return ast.Attribute(value=node.args[0], attr="value", ctx=ast.Load())
        return node


def without_compat_renames(code: str) -> str:
    return ast.dump(_Undo().visit(ast.parse(code)))


def only_compat_renames(output: str, source: str) -> bool:
    """True when `output` is `source` plus compat renames (and at least its text is Python)."""
    return without_compat_renames(output) == without_compat_renames(source)
