"""Scopes a subclass opens around the variable-creating methods it inherits (P's G10).

UGATIT / DCGAN forks put their layer methods in a base network class (`BaseNet.conv`) and open
`tf.variable_scope('discriminator', reuse=reuse)` around `self.conv(...)` in a subclass. The
subclass's own method creates nothing, so the naming-scope pass used to make that scope a
`tf.name_scope`. When the base's methods became module delegates keyed by the current name scope,
that was wrong under `tf.function` and in graphs: the second `name_scope('discriminator')` is
`discriminator_1`, so the second call built new, unshared variables under a name TF1 never had.

Here each class of the file gets a verdict about the methods it inherits:
- "converted": a base (in this file or another file of the run) has methods that became module
  delegates; a scope around `self.<inherited>(...)` re-enters its TF1 name with `_tf1_scope`
  (absolute, so stable under tf.function and in graphs: the delegate's key is the TF1 path);
- "kept": a base may create TF1 variables (a refused owner, a library or unknown class): the
  scope stays a `variable_scope`, whose name TF1's `get_variable` calls need.
Classes whose bases are all plain classes of this file (or `object`) get no verdict.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Collection

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit

CONVERTED = "converted"
KEPT = "kept"

# Bases whose methods never create variables (nothing to keep for them).
_PLAIN_BASES = {"object", "Exception", "dict", "list", "tuple", "NamedTuple"}


@dataclass(frozen=True)
class Inherited:
    verdict: str  # CONVERTED or KEPT
    own_methods: frozenset[str]  # methods the class defines itself (`self.m` for these is not inherited)
    bases: tuple[str, ...]  # the bases that gave the verdict, for messages


def inherited_verdicts(tree: ast.Module, converted_owners: Collection[str], creating_owners: Collection[str],
                       foreign_converted: Collection[str]) -> dict[str, Inherited]:
    """class -> its verdict. `converted_owners`: this file's classes with converted methods;
    `creating_owners`: this file's classes with variable-creating methods (converted or not);
    `foreign_converted`: other files' classes whose methods convert, as this file spells them."""
    classes = {s.name: s for s in tree.body if isinstance(s, ast.ClassDef)}
    out: dict[str, Inherited] = {}
    for name, cls in classes.items():
        verdict, via = _verdict(cls, classes, set(converted_owners), set(creating_owners), set(foreign_converted), set())
        if verdict is not None:
            out[name] = Inherited(verdict, _not_reaching(cls), tuple(via))
    return out


def file_verdicts(tree: ast.Module, analysis) -> dict[str, Inherited]:
    """The verdicts from a file's analysis (migrate.codemod.analyse.FileAnalysis, as it stands
    after conversion): its owners that converted or create, and other files' converting classes
    (the plan's `foreign_classes`, which the analysis adds to `owner_classes`)."""
    local = {s.name for s in tree.body if isinstance(s, ast.ClassDef)}
    converted = {f.owner for q, f in analysis.functions.items() if f.owner and q in analysis.converted}
    creating = {f.owner for q, f in analysis.functions.items() if f.owner and q in analysis.creators}
    return inherited_verdicts(tree, converted, creating, set(analysis.owner_classes) - local)


def _not_reaching(cls: ast.ClassDef) -> frozenset[str]:
    """The class's own methods that do not call an inherited method, directly or through its
    other own methods (`self.block(x)` whose body calls `self.conv`)."""
    defs = {s.name: s for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    calls: dict[str, set[str]] = {}
    for name, fn in defs.items():
        self_name = fn.args.args[0].arg if fn.args.args else None
        calls[name] = {n.func.attr for n in ast.walk(fn) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                       and isinstance(n.func.value, ast.Name) and n.func.value.id == self_name}
    reaching = {name for name, called in calls.items() if called - set(defs)}
    grew = True
    while grew:
        more = {name for name, called in calls.items() if name not in reaching and called & reaching}
        grew = bool(more)
        reaching |= more
    return frozenset(defs) - reaching


def _verdict(cls: ast.ClassDef, classes: dict[str, ast.ClassDef], converted: set[str], creating: set[str],
             foreign: set[str], seen: set[str]) -> tuple[str | None, list[str]]:
    """The verdict of what `cls` inherits (its own methods do not count)."""
    seen = seen | {cls.name}
    found: str | None = None
    via: list[str] = []
    for base in cls.bases:
        spelled = _spelling(base)
        if spelled in _PLAIN_BASES:
            continue
        if spelled is None:
            return KEPT, [ast.unparse(base)]  # a computed base: its methods are unknown
        if spelled in foreign:
            found, via = found or CONVERTED, via + [spelled]
            continue
        if spelled in classes and spelled not in seen:
            if spelled in creating:  # a class of this file whose methods create variables
                if spelled not in converted:
                    return KEPT, [spelled]
                found, via = found or CONVERTED, via + [spelled]
            inner, inner_via = _verdict(classes[spelled], classes, converted, creating, foreign, seen)
            if inner == KEPT:
                return KEPT, inner_via
            if inner == CONVERTED:
                found, via = CONVERTED, via + inner_via
            continue
        if _is_plain_library(spelled):
            continue
        return KEPT, [spelled]  # a library class, or another file's class that stays TF1
    return found, via


def _spelling(base: ast.expr) -> str | None:
    if isinstance(base, ast.Name):
        return base.id
    if isinstance(base, ast.Attribute):
        inner = _spelling(base.value)
        return f"{inner}.{base.attr}" if inner is not None else None
    return None


def _is_plain_library(spelled: str) -> bool:
    """Test cases and other bases whose own methods hold no variables of the model."""
    last = spelled.rsplit(".", 1)[-1]
    return last in ("TestCase", "ABC", "Enum") or spelled in ("abc.ABC", "six.with_metaclass")


def rename_inherited_name(module: cst.Module, inherited: dict[str, Inherited]) -> tuple[cst.Module, bool]:
    """`self.name` -> `self.scope_name` in classes that inherit a converted base: the base became a
    tf.Module, whose `name` is a read-only property (the base's own `self.name` was renamed the same
    way, convert._reserved_renames). Classes that already use `scope_name` are left alone."""
    classes = {c for c, info in inherited.items() if info.verdict == CONVERTED}
    if not classes:
        return module, False
    renamer = _RenameName(classes)
    new = fast_visit(module, renamer)
    return (new, True) if renamer.changed else (module, False)


class _RenameName(cst.CSTTransformer):
    def __init__(self, classes: set[str]) -> None:
        super().__init__()
        self.classes = classes
        self.frames: list[str | None] = []  # per class / def: the `self` name renamed in it
        self.changed = False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        take = node.name.value in self.classes and "scope_name" not in cst.Module([]).code_for_node(node)
        self.frames.append("" if take else None)
        return True

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self.frames.pop()
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        outer = self.frames[-1] if self.frames else None
        if outer == "" and node.params.params:  # a method of a renamed class: its first parameter
            self.frames.append(node.params.params[0].name.value)
        else:
            self.frames.append(outer if outer else None)  # nested defs keep the method's `self`
        return True

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        self.frames.pop()
        return updated

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
        self_name = self.frames[-1] if self.frames else None
        if (self_name and isinstance(updated.value, cst.Name) and updated.value.value == self_name
                and updated.attr.value == "name"):
            self.changed = True
            return updated.with_changes(attr=cst.Name("scope_name"))
        return updated
