"""Which local names are bound to TensorFlow, by the file's imports: a light visitor of our own
(no libcst metadata providers: they deep-copy the tree and cost more than the whole stage)."""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from migrate.cstnames import dotted_name

from migrate.upgrade import rules
from migrate.upgrade.tables import Tables


@dataclass(frozen=True)
class Binding:
    """A local name bound by an import. `canonical` is the TF1 name it stands for (`tf`,
    `tf.nn`, `tf.contrib.slim`); `v1` when it was imported from `tensorflow.compat.v1`;
    `v2` when from `tensorflow.compat.v2` (already TF2: never rewritten)."""

    canonical: str
    v1: bool = False
    v2: bool = False

    @property
    def is_root(self) -> bool:
        return self.canonical == "tf"


def dotted(expr: cst.BaseExpression) -> list[str] | None:
    name = dotted_name(expr)
    return name.split(".") if name is not None else None


def module_name(node: cst.BaseExpression | None) -> str:
    parts = dotted(node) if node is not None else None
    return ".".join(parts) if parts else ""


def _canonical_module(full: str) -> Binding | None:
    """`tensorflow.compat.v1.nn` -> Binding("tf.nn", v1=True)."""
    if full == "tensorflow" or full.startswith("tensorflow."):
        rest = full[len("tensorflow"):]
        if rest == ".compat.v1" or rest.startswith(".compat.v1."):
            return Binding("tf" + rest[len(".compat.v1"):], v1=True)
        if rest == ".compat.v2" or rest.startswith(".compat.v2."):
            return Binding("tf" + rest[len(".compat.v2"):], v2=True)
        return Binding("tf" + rest)
    return None


def bindings_of_import(node: cst.Import | cst.ImportFrom) -> dict[str, Binding]:
    out: dict[str, Binding] = {}
    if isinstance(node, cst.Import):
        for alias in node.names:
            full = module_name(alias.name)
            b = _canonical_module(full)
            if b is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                out[alias.asname.name.value] = b
            elif "." not in full or full.startswith("tensorflow"):
                out["tensorflow"] = Binding("tf")  # `import tensorflow.x` binds `tensorflow`
        return out
    if node.relative or node.module is None:
        return out
    base = _canonical_module(module_name(node.module))
    if base is None or isinstance(node.names, cst.ImportStar):
        return out
    for alias in node.names:
        name = alias.name.value if isinstance(alias.name, cst.Name) else None
        if name is None:
            continue
        local = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else name
        canonical = f"{base.canonical}.{name}"
        if canonical == "tf.compat.v1":
            out[local] = Binding("tf", v1=True)
        elif canonical == "tf.compat.v2":
            out[local] = Binding("tf", v2=True)
        else:
            out[local] = Binding(canonical, v1=base.v1, v2=base.v2)
    return out


@dataclass
class FileFacts:
    """What the prepass learnt about a file."""

    bindings: dict[str, Binding] = field(default_factory=dict)
    star_v1: bool = False  # `from tensorflow.compat.v1 import *`
    v1_needed: list[str] = field(default_factory=list)  # why a v1 root alias must stay
    names_bound: set[str] = field(default_factory=set)  # top-level names (for a new alias)
    has_tf: bool = False

    def v1_roots(self) -> list[str]:
        return [n for n, b in self.bindings.items() if b.is_root and b.v1]


def qualname_stack_name(stack: list[str]) -> str:
    return ".".join(stack)


class Prepass(cst.CSTVisitor):
    """Collects TF imports everywhere (treated as file-global) and, for `tensorflow.compat.v1`
    root aliases, whether the file must keep them (code left as is that needs v1)."""

    def __init__(self, skip_functions: frozenset[str], tables: Tables) -> None:
        self.facts = FileFacts()
        self.skip = skip_functions
        self.tables = tables
        self._stack: list[str] = []
        self._skip_depth = 0
        self._refs: list[tuple[list[str], bool, int]] = []  # (dotted, in_skipped, bare)
        self._import_depth = 0

    # scopes -------------------------------------------------------------------
    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if not self._stack:
            self.facts.names_bound.add(node.name.value)
        self._stack.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._stack.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if not self._stack:
            self.facts.names_bound.add(node.name.value)
        self._stack.append(node.name.value)
        if ".".join(self._stack) in self.skip or self._skip_depth:
            self._skip_depth += 1

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self._skip_depth:
            self._skip_depth -= 1
        self._stack.pop()

    # imports ------------------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> bool:
        b = bindings_of_import(node)
        self.facts.bindings.update(b)
        if not self._stack:
            for alias in node.names:
                self.facts.names_bound.add(
                    alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name)
                    else module_name(alias.name).split(".")[0]
                )
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if isinstance(node.names, cst.ImportStar):
            b = _canonical_module(module_name(node.module)) if node.module else None
            if b is not None and b.v1:
                self.facts.star_v1 = True
            return False
        self.facts.bindings.update(bindings_of_import(node))
        if not self._stack:
            for alias in node.names:
                n = alias.asname.name if alias.asname else alias.name
                if isinstance(n, cst.Name):
                    self.facts.names_bound.add(n.value)
        return False

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        if not self._stack and isinstance(node.target, cst.Name):
            self.facts.names_bound.add(node.target.value)

    # references ---------------------------------------------------------------
    def visit_Attribute(self, node: cst.Attribute) -> bool:
        parts = dotted(node)
        if parts is None:
            return True
        self._refs.append((parts, bool(self._skip_depth), 0))
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self._refs.append(([node.value], bool(self._skip_depth), 1))

    def finish(self) -> FileFacts:
        facts = self.facts
        facts.has_tf = bool(facts.bindings) or facts.star_v1
        v1_roots = set(facts.v1_roots())
        if facts.star_v1:
            facts.v1_needed.append("`from tensorflow.compat.v1 import *`")
        if not v1_roots:
            return facts
        for parts, in_skipped, bare in self._refs:
            if parts[0] not in v1_roots:
                continue
            # Only the module object itself used as a value (passed, getattr'd) keeps v1. Code
            # left as TF1 (refused functions, `variable_scope` / `get_variable` the structural
            # stage left) does not: the upgrade spells it `tf.compat.v1.*` under
            # `import tensorflow as tf`, as tf_upgrade_v2 would.
            if bare:
                facts.v1_needed.append(f"`{parts[0]}` used as a value")
        return facts


def is_v2_identical(name: str, tables: Tables) -> bool:
    """True when `tf.<name>` means the same in TF1 and TF2 (no table or rule touches it)."""
    if name in rules.OWNED and name not in rules.OWNED_V1_ONLY:
        return True
    parts = name.split(".")
    for i in range(len(parts), 1, -1):
        prefix = ".".join(parts[:i])
        if (
            prefix in tables.renames
            or prefix in tables.v1_only
            or prefix in rules.INITIALIZERS
            or prefix in rules.SEMANTICS_DIFFER
            or prefix in rules.NATIVE
            or prefix in rules.CASTS
        ):
            return False
    if name in tables.reorders or name in tables.keyword_renames or name in rules.EXTRA_REORDERS:
        return False
    return not (name.startswith("tf.contrib") or name.startswith("tf.flags"))


def _contrib_alias(small: cst.Assign | cst.AnnAssign, bindings: dict[str, Binding]) -> dict[str, Binding]:
    """`slim = tf.contrib.slim` at module level binds `slim` as its import would (tfapi reads it
    the same way)."""
    if not (isinstance(small, cst.Assign) and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)):
        return {}
    parts = dotted(small.value)
    base = bindings.get(parts[0]) if parts else None
    if base is None or not base.is_root or len(parts) != 3 or parts[1] != "contrib":  # a module only
        return {}
    return {small.targets[0].target.value: Binding(".".join(["tf"] + parts[1:]), v1=base.v1, v2=base.v2)}


def scan_statements(module: cst.Module) -> FileFacts:
    """Imports anywhere (walking statements only, never expressions) and top-level names:
    far cheaper than a visitor over every node."""
    facts = FileFacts()

    def walk(body, top: bool) -> None:
        for stmt in body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Import):
                        facts.bindings.update(bindings_of_import(small))
                        if top:
                            for a in small.names:
                                facts.names_bound.add(
                                    a.asname.name.value if a.asname and isinstance(a.asname.name, cst.Name)
                                    else module_name(a.name).split(".")[0])
                    elif isinstance(small, cst.ImportFrom):
                        if isinstance(small.names, cst.ImportStar):
                            b = _canonical_module(module_name(small.module)) if small.module else None
                            facts.star_v1 |= bool(b is not None and b.v1)
                            continue
                        facts.bindings.update(bindings_of_import(small))
                        if top:
                            for a in small.names:
                                n = a.asname.name if a.asname else a.name
                                if isinstance(n, cst.Name):
                                    facts.names_bound.add(n.value)
                    elif top and isinstance(small, (cst.Assign, cst.AnnAssign)):
                        facts.bindings.update(_contrib_alias(small, facts.bindings))
                        targets = small.targets if isinstance(small, cst.Assign) else [small]
                        for t in targets:
                            if isinstance(t.target, cst.Name):
                                facts.names_bound.add(t.target.value)
                continue
            if top and isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                facts.names_bound.add(stmt.name.value)
            for attr in ("body", "orelse", "finalbody"):
                sub = getattr(stmt, attr, None)
                if sub is None:
                    continue
                if isinstance(sub, (cst.Else, cst.Finally, cst.If)):
                    sub = [sub] if isinstance(sub, cst.If) else [sub.body]
                    for s in sub:
                        block = s.body if isinstance(s, cst.If) else s
                        if isinstance(s, cst.If):
                            walk([s], top)
                        elif isinstance(block, cst.IndentedBlock):
                            walk(block.body, top)
                    continue
                if isinstance(sub, cst.IndentedBlock):
                    walk(sub.body, top and isinstance(stmt, (cst.If, cst.Try, cst.With)))
            for h in getattr(stmt, "handlers", ()) or ():
                if isinstance(h.body, cst.IndentedBlock):
                    walk(h.body.body, top)
            if isinstance(stmt, cst.Match):
                for case in stmt.cases:
                    if isinstance(case.body, cst.IndentedBlock):
                        walk(case.body.body, False)

    walk(module.body, True)
    facts.has_tf = bool(facts.bindings) or facts.star_v1
    return facts
