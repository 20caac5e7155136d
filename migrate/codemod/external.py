"""Variable-creating functions of other files, as the file that calls them sees them.

The project plan (migrate.project) decides, for the whole run, which functions convert; a file
that calls another file's function receives one `ExternalCallee` per spelling it uses (`linear`
after `from ops import linear` or `*`, `ops.linear` after `import ops`). It is plain data: the
callee's source text travels with it, so the caller's conversion can bind arguments and read the
callee's scope signature exactly as the callee's own file will.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import libcst as cst

from migrate.codemod.tfapi import TfNames, note_tf


@dataclass(frozen=True)
class ExternalCallee:
    spelling: str  # how the calling file names it: "linear" or "ops.linear"
    origin: str  # "ops.py:12", for messages
    function: str  # the callee's name in its own file
    source: str  # the callee's `def` statement, as written
    class_ref: str  # how the calling file names the generated class: "Linear" or "ops.Linear"
    tf_aliases: tuple[tuple[str, str], ...]  # the callee file's TensorFlow imports
    callee_creators: tuple[str, ...] = ()  # functions of the callee's file that create variables
    creates_tf_variable: bool = False  # makes tf.Variables: a second call would make new ones
    blocked_reason: str | None = None  # None: converts; else why its component stays TF1
    implicit: bool = False  # a tf.layers / contrib / slim creator: its class comes from the library
    kept_tf1: bool = False  # converts, and its TF1 def stays beside the class for callers that stay TF1


@dataclass(frozen=True)
class FilePlan:
    """The project's decisions for one file (what `transform_source` needs beyond the text)."""

    externals: tuple[ExternalCallee, ...] = ()
    # local qualname -> (code, message): blocked because of another file's function or importer
    forced_blocks: tuple[tuple[str, str, str], ...] = ()
    # `from M import old` -> `from M import new` in this file, by (old, new)
    import_renames: tuple[tuple[str, str], ...] = ()
    # converted functions whose TF1 def also stays (other files' callers that stay TF1 call it)
    kept_tf1: tuple[str, ...] = ()
    kept_why: tuple[tuple[str, str], ...] = ()  # kept_tf1 qualname -> the TF1 code that calls it, and why
    # names that other files' star imports re-export from this file: keep them importable
    tf_aliases: tuple[tuple[str, str], ...] = ()  # TF names this file gets from star imports
    exported: tuple[str, ...] = ()  # local functions other files call (their conversion is shared)
    known_plain: tuple[str, ...] = ()  # imported names of the run's own code that create no variables
    # other files' classes whose methods convert, as this file spells them (`batch_norm`,
    # `modeling.BertModel`), and whether their constructor converts too (it then re-runs)
    foreign_classes: tuple[tuple[str, bool], ...] = ()
    # where generated support code goes (migrate/support_module.py): "" inlined (a one-file run),
    # "module" the directory's tf2_migrate_support.py, "reserved" inlined (a user file has that name)
    support: str = ""
    # (key, kind, what) of decorators other files of the run define (migrate/codemod/decorators.py)
    decorators: tuple[tuple[str, str, str], ...] = ()
    used_elsewhere: tuple[str, ...] = ()  # top-level names other files mention (reuse_hosts.py)
    private_externals: tuple[str, ...] = ()  # other files' functions only this file uses (reuse_hosts.py)
    # nested helper defs to move to module level (nested_helpers.py); None: not planned, try them all
    moved_defs: tuple[str, ...] | None = None
    # functions whose plain aliases (self.d = discriminator) are called directly (function_aliases.py)
    aliases: tuple[str, ...] | None = None
    # (line, code, message): the conversion of this file failed in the run's trial, so it stays as
    # it is and its calls of other files keep their TF1 defs (plan_run.py); said in its report
    trial_error: tuple[int, str, str] | None = None

    @property
    def empty(self) -> bool:
        return not (self.externals or self.forced_blocks or self.import_renames or self.tf_aliases or self.kept_tf1
                    or self.exported or self.known_plain or self.foreign_classes or self.decorators
                    or self.used_elsewhere or self.private_externals or self.moved_defs is not None
                    or self.aliases is not None or self.trial_error is not None)


def tf_names_of(aliases: tuple[tuple[str, str], ...]) -> TfNames:
    names = TfNames()
    for local, full in aliases:
        names.aliases[local] = full
        note_tf(names, local, full)  # the same rule as for the file's own imports
    return names


def parse_cst_def(callee: ExternalCallee) -> cst.FunctionDef:
    return _parse_def(callee.source)


@functools.lru_cache(maxsize=512)
def _parse_def(source: str) -> cst.FunctionDef:
    """libcst nodes are immutable: one parse of each callee's `def` serves every file and retry
    (a libcst parse costs ~10 ms even for a three-line def)."""
    node = cst.parse_module(source).body[0]
    assert isinstance(node, cst.FunctionDef)
    return node
