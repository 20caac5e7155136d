"""The equivalence checker: legacy TF1 code vs its migrated tf.Module, side by side.

Nothing here imports TensorFlow; the two runner subprocesses do (see api.check_many).
"""

from migrate.checker.api import check, check_many
from migrate.checker.compare import Check, Row, Verdict, combined_exit_code
from migrate.checker.spec import Entry, Options, SpecError, TensorSpec, entry_from_targets

__all__ = [
    "Check", "Entry", "Options", "Row", "SpecError", "TensorSpec", "Verdict",
    "check", "check_many", "combined_exit_code", "entry_from_targets",
]
