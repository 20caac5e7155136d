"""Which expressions of a file name TensorFlow APIs, resolved through its imports.

A light visitor of our own instead of libcst's QualifiedNameProvider: we only need the handful
of names TF1 code binds (`tf`, `tensorflow.compat.v1`, names imported from them), and the full
metadata pass costs more than the whole codemod.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from migrate.cstnames import dotted_name  # noqa: F401 - re-exported for the codemod

from migrate.codemod.fastwalk import visit as fast_visit
_TF_PREFIXES = (
    "tensorflow.compat.v1.",
    "tensorflow.compat.v2.",
    "tensorflow.",
)


def _module_dotted(node: cst.BaseExpression) -> str:
    return dotted_name(node) or ""


@dataclass
class TfNames:
    """Local names bound to TensorFlow modules or objects, by import."""

    aliases: dict[str, str] = field(default_factory=dict)  # local name -> full dotted path
    tf_alias: str | None = None  # a local name bound to the `tensorflow` package (or its v1 API)
    tf_alias_is_v1: bool = False

    def full_name(self, expr: cst.BaseExpression) -> str | None:
        name = dotted_name(expr)
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
                return full[len(prefix):]
        return None

    def is_api(self, expr: cst.BaseExpression, *names: str) -> bool:
        return self.api(expr) in names

    def call_api(self, node: cst.CSTNode) -> str | None:
        if isinstance(node, cst.Call):
            return self.api(node.func)
        return None


class _ImportCollector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names = TfNames()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return True  # imports inside functions count too (tensor2tensor does this)

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            full = _module_dotted(alias.name)
            if not (full == "tensorflow" or full.startswith("tensorflow.")):
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
                self.names.aliases[local] = full
                self._note_tf(local, full)
            else:
                self.names.aliases["tensorflow"] = "tensorflow"
                self._note_tf("tensorflow", "tensorflow")

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is None or node.relative:
            return
        module = _module_dotted(node.module)
        if not (module == "tensorflow" or module.startswith("tensorflow.")):
            return
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            imported = _module_dotted(alias.name)
            local = imported
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            full = f"{module}.{imported}"
            self.names.aliases[local] = full
            self._note_tf(local, full)

    def _note_tf(self, local: str, full: str) -> None:
        if full in ("tensorflow", "tensorflow.compat.v1", "tensorflow.compat.v2"):
            if self.names.tf_alias is None or full == "tensorflow":
                self.names.tf_alias = local
                self.names.tf_alias_is_v1 = full == "tensorflow.compat.v1"


def collect_tf_names(module: cst.Module) -> TfNames:
    collector = _ImportCollector()
    fast_visit(module, collector)
    return collector.names
