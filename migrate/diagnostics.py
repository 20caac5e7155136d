"""Diagnostics shared by every stage: what was not converted, where, and why."""

from __future__ import annotations

from dataclasses import dataclass, asdict
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    """One finding about one place in one file.

    `code` is a stable, machine-readable reason (see REASONS); `message` is for people.
    """

    code: str
    message: str
    line: int = 0
    column: int = 0
    severity: Severity = "warning"
    path: str = ""

    def with_path(self, path: str) -> "Diagnostic":
        return Diagnostic(self.code, self.message, self.line, self.column, self.severity, path)

    def to_json(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code}: {self.message}"


# Reason codes. Keep in sync with README ("Reason codes").
REASONS: dict[str, str] = {
    # file level
    "parse-error": "the file does not parse as Python 3 (syntax error or Python 2)",
    "decode-error": "the file's bytes do not decode with its declared or default encoding",
    "io-error": "the file could not be read or written",
    "symlink": "the path is a symbolic link; it is never replaced",
    "generated-file": "the file says it is generated; left alone",
    "too-large": "the file is larger than the configured limit",
    "internal-error": "migrate itself failed on this file (a bug); the file was left untouched",
    "read-only": "the file has no write permission; it is never replaced",
    "notebook-unsupported": "notebook support (migrate.upgrade.notebook) is not installed",
    # structural conversion
    "custom-getter": "variable_scope(custom_getter=...) changes how variables are created",
    "make-template": "tf.make_template shares variables by template identity",
    "partitioner": "partitioned variables have no tf.Module equivalent",
    "collections": "get_variable(collections=...) puts variables in graph collections",
    "implicit-creator": "tf.layers / tf.contrib.layers / slim create variables implicitly",
    "dynamic-reuse": "reuse is decided from run-time data",
    "scope-lookup": "variables are looked up by name (get_collection / scope name strings)",
    "dynamic-scope": "a scope name that cannot be resolved statically",
    "unsupported-scope": "a variable_scope form this tool does not convert",
    "unsupported-call": "a variable-creating function used in a way this tool does not convert",
    "cross-file": "variable scopes around functions of other files; cross-file conversion is not supported",
    "imported-elsewhere": "another file of the run imports this function; converting it would break that file",
    "unconvertible-callee": "calls a function that could not be converted",
    "python2": "Python 2 syntax",
    # body modernisation (upgrade stage)
    "compat-v1-kept": "no native TF2 spelling keeps the semantics; tf.compat.v1 kept",
    "contrib": "tf.contrib does not exist in TF2",
    "flags": "tf.flags does not exist in TF2; use absl.flags",
    "session-loop": "a feed-dict / Session loop that cannot be made eager",
    "initializer-rewrite": "a TF1 initializer was rewritten to a spelling that keeps its values",
}
