"""Which expressions of a file name TensorFlow APIs, resolved through its imports.

A light visitor of our own instead of libcst's QualifiedNameProvider: we only need the handful
of names TF1 code binds (`tf`, `tensorflow.compat.v1`, names imported from them), and the full
metadata pass costs more than the whole codemod.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Iterator

import libcst as cst

from migrate.contrib_paths import public_contrib_name
from migrate.cstnames import dotted_name  # noqa: F401 - re-exported for the codemod

_TF_PREFIXES = (
    "tensorflow.compat.v1.",
    "tensorflow.compat.v2.",
    "tensorflow.",
)


def ast_dotted_name(expr: ast.AST) -> str | None:
    """`dotted_name` for Python's own ast (the analysis stage works on it)."""
    parts: list[str] = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return None
    parts.append(expr.id)
    return ".".join(reversed(parts))


@dataclass
class TfNames:
    """Local names bound to TensorFlow modules or objects, by import."""

    aliases: dict[str, str] = field(default_factory=dict)  # local name -> full dotted path
    tf_alias: str | None = None  # a local name bound to the `tensorflow` package (or its v1 API)
    tf_alias_is_v1: bool = False

    def full_name(self, expr: cst.BaseExpression | ast.expr) -> str | None:
        name = ast_dotted_name(expr) if isinstance(expr, ast.AST) else dotted_name(expr)
        if name is None:
            return None
        head, _, rest = name.partition(".")
        target = self.aliases.get(head)
        if target is None:
            return None
        return f"{target}.{rest}" if rest else target

    def api(self, expr: cst.BaseExpression) -> str | None:
        """The TF API an expression names, without its `tensorflow[.compat.v1]` prefix."""
        full = self.full_name(expr)
        if full is None:
            return None
        if full in ("tensorflow", "tensorflow.compat.v1"):
            return ""
        for prefix in _TF_PREFIXES:
            if full.startswith(prefix):
                return public_contrib_name(full[len(prefix):])
        return None

    def is_api(self, expr: cst.BaseExpression, *names: str) -> bool:
        return self.api(expr) in names

    def call_api(self, node: cst.CSTNode) -> str | None:
        if isinstance(node, cst.Call):
            return self.api(node.func)
        return None


def collect_tf_names(tree: ast.Module) -> TfNames:
    """TF names bound by the file's imports, wherever they are (tensor2tensor imports inside
    functions). Imports are statements: only statement lists are walked."""
    names = TfNames()
    for stmt in _statements(tree.body):
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                full = alias.name
                if not (full == "tensorflow" or full.startswith("tensorflow.")):
                    continue
                if alias.asname is not None:
                    names.aliases[alias.asname] = full
                    note_tf(names, alias.asname, full)
                else:
                    names.aliases["tensorflow"] = "tensorflow"
                    note_tf(names, "tensorflow", "tensorflow")
        elif isinstance(stmt, ast.ImportFrom):
            module = stmt.module
            if module is None or stmt.level or not (module == "tensorflow" or module.startswith("tensorflow.")):
                continue
            for alias in stmt.names:
                if alias.name == "*":
                    break
                local = alias.asname or alias.name
                full = f"{module}.{alias.name}"
                names.aliases[local] = full
                note_tf(names, local, full)
    _contrib_aliases(tree, names)
    return names


def _contrib_aliases(tree: ast.Module, names: TfNames) -> None:
    """`slim = tf.contrib.slim`, `layers = tf.contrib.layers` at module level, bound once: an
    import of contrib by another spelling (the upgrade stage drops it once unused)."""
    assigned: dict[str, int] = {}
    found: dict[str, str] = {}
    for stmt in tree.body:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else []
        for target in targets:
            if isinstance(target, ast.Name):
                assigned[target.id] = assigned.get(target.id, 0) + 1
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            stubbed = _stubbed_contrib(stmt.value)  # (any contrib import it replaced: modules, functions)
            full = names.full_name(stmt.value)
            if stubbed is not None:
                found[targets[0].id] = stubbed
            elif full is not None and full.startswith("tensorflow.contrib.") and full.count(".") == 2:  # a module
                found[targets[0].id] = full
    for local, full in found.items():
        if assigned[local] == 1 and local not in names.aliases:
            names.aliases[local] = full


def _stubbed_contrib(value: ast.expr) -> str | None:
    """`_Tf1Contrib("tf.contrib.slim")`, the upgrade stage's stand-in for a contrib import that
    kept code still uses (migrate/upgrade/contrib_imports.py): read as the import it replaced."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "_Tf1Contrib" \
            and len(value.args) == 1 and isinstance(value.args[0], ast.Constant) \
            and isinstance(value.args[0].value, str) and (value.args[0].value == "tf.contrib"
                                                          or value.args[0].value.startswith("tf.contrib.")):
        # (`import tensorflow.contrib as tf_contrib` became `_Tf1Contrib("tf.contrib")`)
        return "tensorflow" + value.args[0].value[2:]
    return None


def note_tf(names: TfNames, local: str, full: str) -> None:
    if full in ("tensorflow", "tensorflow.compat.v1", "tensorflow.compat.v2"):
        if names.tf_alias is None or full == "tensorflow":
            names.tf_alias = local
            names.tf_alias_is_v1 = full == "tensorflow.compat.v1"


_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement of a body, nested ones included, in source order."""
    for stmt in body:
        yield stmt
        for block in _BLOCKS:
            inner = getattr(stmt, block, None)
            if inner:
                yield from _statements(inner)
