"""Imports of `tensorflow.contrib` that nothing uses any more (every use was rewritten: layers to
the layer library, arg_scope resolved, regularizers to helpers) are removed: `tf.contrib` does
not exist in TF2, so the import alone would fail. Imports still used stay (and are reported
`contrib` where they are used)."""

from __future__ import annotations

import libcst as cst

from migrate.cstnames import dotted_name

_CONTRIB = "tensorflow.contrib"


def drop_unused_contrib_imports(module: cst.Module) -> tuple[cst.Module, bool]:
    """(module without unused top-level contrib imports, whether anything was removed)."""
    candidates = [s for s in module.body if isinstance(s, cst.SimpleStatementLine)
                  and any(_contrib_import(small) for small in s.body)]
    if not candidates:
        return module, False
    used = _used_names(module)
    for stmt in candidates:  # `slim = tf.contrib.slim`: its own target is no use of it
        for small in stmt.body:
            if isinstance(small, cst.Assign) and not _read_elsewhere(module, small):
                used.discard(small.targets[0].target.value)
    changed = False
    body = []
    for stmt in module.body:
        if stmt not in candidates:
            body.append(stmt)
            continue
        kept_smalls = []
        for small in stmt.body:
            new = _without_unused(small, used) if _contrib_import(small) else small
            if new is not small:
                changed = True
            if new is not None:
                kept_smalls.append(new)
        if kept_smalls:
            body.append(stmt.with_changes(body=_fix_semicolons(kept_smalls)))
        else:
            changed = True
    if not changed:
        return module, False
    return module.with_changes(body=body), True


def _contrib_alias(small: cst.BaseSmallStatement) -> bool:
    """`slim = tf.contrib.slim` at module level (tfapi reads it as an import of contrib)."""
    if not (isinstance(small, cst.Assign) and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)):
        return False
    head, _, rest = (dotted_name(small.value) or "").partition(".")
    return head in ("tf", "tensorflow") and rest.startswith("contrib.") and rest.count(".") == 1  # a module


def _read_elsewhere(module: cst.Module, alias: cst.Assign) -> bool:
    """Whether the alias's name is loaded anywhere but as its own assignment's target."""
    name = alias.targets[0].target.value
    count = [0]

    class _Count(cst.CSTVisitor):
        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)
            return False

        def visit_Name(self, node: cst.Name) -> None:
            count[0] += node.value == name

        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            count[0] += node.value.strip("'\"rbuRBU") == name

    module.visit(_Count())
    return count[0] > 1


def _contrib_import(small: cst.BaseSmallStatement) -> bool:
    if _contrib_alias(small):
        return True
    if isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
        name = dotted_name(small.module) or ""
        return not isinstance(small.names, cst.ImportStar) and (name == _CONTRIB or name.startswith(_CONTRIB + "."))
    if isinstance(small, cst.Import):
        return any(a.asname is not None and (dotted_name(a.name) or "").startswith(_CONTRIB) for a in small.names)
    return False


def _local(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None:
        return dotted_name(alias.asname.name)
    return None if isinstance(alias.name, cst.Attribute) else alias.name.value


def _without_unused(small, used: set[str]):
    """The import with its unused contrib names removed; None when none is left."""
    if isinstance(small, cst.Assign):  # a contrib alias
        return small if small.targets[0].target.value in used else None
    if isinstance(small, cst.Import):
        names = [a for a in small.names
                 if not ((dotted_name(a.name) or "").startswith(_CONTRIB) and a.asname is not None
                         and _local(a) not in used)]
    else:
        names = [a for a in small.names if _local(a) in used]
    if len(names) == len(small.names):
        return small
    if not names:
        return None
    names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    if isinstance(small, cst.ImportFrom):
        return small.with_changes(names=names, lpar=small.lpar if len(names) > 1 else None,
                                  rpar=small.rpar if len(names) > 1 else None)
    return small.with_changes(names=names)


def _fix_semicolons(smalls: list) -> list:
    smalls = list(smalls)
    smalls[-1] = smalls[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    return smalls


def _used_names(module: cst.Module) -> set[str]:
    """Every name the module loads outside import statements (also names in strings and
    definitions: a superset, so an import is only ever removed when surely unused)."""
    used: set[str] = set()

    class _Collect(cst.CSTVisitor):
        def visit_Import(self, node: cst.Import) -> bool:
            return False

        def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
            return False

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)  # `tf.nest`: the attribute name is no reference to `nest`
            return False

        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)  # a keyword name is no reference either
            return False

        def visit_Name(self, node: cst.Name) -> None:
            used.add(node.value)

        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            used.add(node.value.strip("'\"rbuRBU"))  # __all__ = ["slim"]: keep it

    module.visit(_Collect())
    return used


def stub_used_contrib_imports(module: cst.Module) -> tuple[cst.Module, bool]:
    """Module-level contrib imports still used (by code kept TF1) bind `_Tf1Contrib` stubs:
    `slim = tf.contrib.slim` -> `slim = _Tf1Contrib("tf.contrib.slim")`, `import
    tensorflow.contrib.slim as slim` and `from tensorflow.contrib import slim` alike. TF2 has no
    tf.contrib, so the import alone would fail and take the file's converted code with it
    (BEGAN's GeneratorCNN beside a DiscriminatorCNN kept TF1); with the stub the file imports
    and the kept code raises where it uses contrib (each use is reported `contrib`)."""
    body: list[cst.BaseStatement] = []
    changed = False
    for stmt in module.body:
        stubs = _stubs(stmt) if isinstance(stmt, cst.SimpleStatementLine) else None
        if not stubs:
            body.append(stmt)
            continue
        changed = True
        lines = [cst.parse_statement(f'{local} = _Tf1Contrib("{name}")\n') for local, name in stubs]
        lines[0] = lines[0].with_changes(leading_lines=stmt.leading_lines)
        if stmt.trailing_whitespace.comment is not None:
            lines[-1] = lines[-1].with_changes(trailing_whitespace=stmt.trailing_whitespace)
        body.extend(lines)
    return (module.with_changes(body=body), True) if changed else (module, False)


def _stubs(stmt: cst.SimpleStatementLine) -> list[tuple[str, str]] | None:
    """(local name, TF1 spelling) for a line made only of contrib imports; None otherwise."""
    out: list[tuple[str, str]] = []
    for small in stmt.body:
        if not _contrib_import(small):
            return None
        if isinstance(small, cst.Assign):
            rest = (dotted_name(small.value) or "").partition(".")[2]
            out.append((small.targets[0].target.value, f"tf.{rest}"))
        elif isinstance(small, cst.Import):
            for alias in small.names:
                full = dotted_name(alias.name) or ""
                if alias.asname is None or not full.startswith(_CONTRIB):
                    return None
                out.append((_local(alias), "tf" + full[len("tensorflow"):]))
        else:
            base = dotted_name(small.module) or ""
            for alias in small.names:
                out.append((_local(alias), f"tf{base[len('tensorflow'):]}.{dotted_name(alias.name)}"))
    return out if all(local for local, _ in out) else None


def stub_class_first(module: cst.Module) -> cst.Module:
    """The generated `_Tf1Contrib` class moved before the first stub that calls it: helpers go
    below the last import that binds `tf` (glow's `from tensorflow.python.ops import gradients`
    after its `ge = tf.contrib.graph_editor`), and this one needs no `tf`."""
    body = list(module.body)
    cls = next((i for i, s in enumerate(body) if isinstance(s, cst.ClassDef) and s.name.value == "_Tf1Contrib"), None)
    first = next((i for i, s in enumerate(body) if isinstance(s, cst.SimpleStatementLine) and any(
        isinstance(small, cst.Assign) and isinstance(small.value, cst.Call)
        and isinstance(small.value.func, cst.Name) and small.value.func.value == "_Tf1Contrib"
        for small in s.body)), None)
    if cls is None or first is None or cls < first:
        return module
    moved = body.pop(cls)
    stub = body[first]
    body[first] = stub.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine(), *stub.leading_lines])
    body.insert(first, moved.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()]))
    return module.with_changes(body=body)
