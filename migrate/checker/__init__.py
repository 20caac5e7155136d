"""The equivalence checker: legacy TF1 code vs its migrated tf.Module, side by side.

Nothing here imports TensorFlow (the two runner subprocesses do, see api.check_many), and the
names below load lazily so `migrate --help` does not pay for numpy either.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "check": "api", "check_many": "api",
    "Check": "compare", "Row": "compare", "Verdict": "compare", "combined_exit_code": "compare",
    "Entry": "spec", "Options": "spec", "SpecError": "spec", "TensorSpec": "spec",
    "entry_from_targets": "spec",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"migrate.checker.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'migrate.checker' has no attribute {name!r}")
