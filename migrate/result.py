"""Frozen results passed between the stages and to the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from migrate.diagnostics import Diagnostic


@dataclass(frozen=True)
class ConvertedFunction:
    """One legacy function or method and the tf.Module class generated for it."""

    legacy_name: str  # "linear" or "Model.build" for methods
    class_name: str  # "Linear"
    line: int
    constructor_params: tuple[str, ...]
    call_params: tuple[str, ...]
    variables: tuple[str, ...] = ()  # variable names relative to the module's scope
    submodules: tuple[str, ...] = ()  # attribute names of submodules
    # For `migrate explain` (not in the report's JSON): the plan as the codemod decided it.
    scope: str | None = None  # the scope an instance built with its defaults opens
    variable_names: tuple[tuple[str, str], ...] = ()  # (attr, TF1 name below `scope`)
    submodule_specs: tuple[tuple[str, str, str], ...] = ()  # (attr, class, scope below ours)
    sites: tuple[tuple[str, int, str], ...] = ()  # (attr, line, "creates" | why it is shared)

    def to_json(self) -> dict:
        return {
            "legacy_name": self.legacy_name,
            "class_name": self.class_name,
            "line": self.line,
            "constructor_params": list(self.constructor_params),
            "call_params": list(self.call_params),
            "variables": list(self.variables),
            "submodules": list(self.submodules),
        }


@dataclass(frozen=True)
class TransformOutput:
    """What transforming one source text produced (no I/O involved)."""

    code: str
    diagnostics: tuple[Diagnostic, ...] = ()
    functions: tuple[ConvertedFunction, ...] = ()
    parsed: bool = False  # the source parsed with Python's own parser (no need to check again)

    def changed(self, original: str) -> bool:
        return self.code != original


FileStatus = Literal["changed", "unchanged", "skipped", "error"]


@dataclass(frozen=True)
class FileResult:
    """The outcome for one file of a run."""

    path: str
    status: FileStatus
    reason: str = ""  # for skipped / error: a reason code from diagnostics.REASONS
    diagnostics: tuple[Diagnostic, ...] = ()
    functions: tuple[ConvertedFunction, ...] = ()
    original_text: str | None = None  # decoded, for diffs
    new_text: str | None = None
