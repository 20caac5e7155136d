"""A TF name the file imports that a layer library class also takes (`from tensorflow.contrib.rnn
import GRUCell` beside the library's `GRUCell`): the import is aliased (`as _tf1_GRUCell`) and the
code that stays TF1 uses the alias, so the converted classes' `GRUCell(4)` is the library's and the
upgrade stage does not take it for contrib's (which TF2 does not have)."""

from __future__ import annotations

import libcst as cst


def alias_clashing_imports(module: cst.Module, library: set[str], emitted: set[str]) -> cst.Module:
    """`library`: the library classes the converted code builds; `emitted`: the converted classes
    (whose bodies mean the library's)."""
    clashes = set()
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for part in stmt.body:
                if isinstance(part, cst.ImportFrom) and _from_tensorflow(part) and not isinstance(part.names, cst.ImportStar):
                    clashes |= {_local(a) for a in part.names} & library
    if not clashes:
        return module
    renames = {name: f"_tf1_{name}" for name in clashes}
    body = []
    for stmt in module.body:
        if isinstance(stmt, cst.ClassDef) and stmt.name.value in emitted:
            body.append(stmt)
        else:
            body.append(stmt.visit(_Rename(renames)))
    return module.with_changes(body=body)


def _from_tensorflow(node: cst.ImportFrom) -> bool:
    parts = []
    expr = node.module
    while isinstance(expr, cst.Attribute):
        parts.append(expr.attr.value)
        expr = expr.value
    return isinstance(expr, cst.Name) and expr.value == "tensorflow" and not node.relative


def _local(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return alias.name.value if isinstance(alias.name, cst.Name) else ""


class _Rename(cst.CSTTransformer):
    def __init__(self, renames: dict[str, str]) -> None:
        self.renames = renames

    def leave_ImportAlias(self, original: cst.ImportAlias, updated: cst.ImportAlias) -> cst.ImportAlias:
        local = _local(original)
        if local in self.renames:
            return updated.with_changes(asname=cst.AsName(name=cst.Name(self.renames[local])))
        return updated

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        return False  # (its names are the module's, not uses)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        return False  # the object is renamed in leave_Attribute, never `.attr`

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.Attribute:
        return updated.with_changes(value=original.value.visit(self))

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        return updated.with_changes(keyword=original.keyword)  # `GRUCell=...` keyword stays

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        return updated.with_changes(value=self.renames[original.value]) if original.value in self.renames else updated
