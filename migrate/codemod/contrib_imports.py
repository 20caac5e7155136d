"""Imports of `tensorflow.contrib` that the conversion left unused are removed.

TF2 has no `tf.contrib`: once every `slim.conv2d` / `tf_contrib.layers.instance_norm` of a file
became a library module, a left-over `import tensorflow.contrib.slim as slim` would make the
migrated file fail at import. Only imports that bind a name (`import tensorflow.contrib.x as y`,
`from tensorflow.contrib[.x] import y [as z]`) and whose name is read nowhere else are removed;
a contrib name still used (code kept as TF1) keeps its import.
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit


def _dotted(expr: cst.BaseExpression) -> str:
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        return f"{_dotted(expr.value)}.{expr.attr.value}"
    return ""


def _is_contrib(module: str) -> bool:
    return module == "tensorflow.contrib" or module.startswith("tensorflow.contrib.")


def _bound_name(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return alias.name.value if isinstance(alias.name, cst.Name) else None


def _used_names(module: cst.Module) -> set[str]:
    names: set[str] = set()

    class _Uses(cst.CSTVisitor):
        def visit_Import(self, node: cst.Import) -> bool:
            return False

        def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
            return False

        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

    fast_visit(module, _Uses())
    return names


def _kept_aliases(stmt: cst.BaseSmallStatement, used: set[str]) -> list[cst.ImportAlias] | None:
    """The aliases of a contrib import still needed (None: not a contrib import, leave it)."""
    if isinstance(stmt, cst.Import):
        aliases = stmt.names
        contrib = [_is_contrib(_dotted(a.name)) and a.asname is not None for a in aliases]
    elif isinstance(stmt, cst.ImportFrom) and stmt.module is not None and not stmt.relative \
            and not isinstance(stmt.names, cst.ImportStar):
        aliases = stmt.names
        contrib = [_is_contrib(_dotted(stmt.module))] * len(aliases)
    else:
        return None
    if not any(contrib):
        return None
    return [a for a, c in zip(aliases, contrib) if not c or _bound_name(a) in used]


def drop_unused_contrib_imports(module: cst.Module) -> cst.Module:
    """`module` without the top-level tf.contrib imports none of its code reads any more."""
    used = _used_names(module)
    body = []
    changed = False
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
            kept = _kept_aliases(stmt.body[0], used)
            if kept is not None and len(kept) != len(stmt.body[0].names):
                changed = True
                if not kept:
                    continue
                kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                stmt = stmt.with_changes(body=[stmt.body[0].with_changes(names=kept)])
        body.append(stmt)
    return module.with_changes(body=body) if changed else module
