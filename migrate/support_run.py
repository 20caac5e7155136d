"""After the files of a run that shares support code: each directory's support module.

`pipeline.run` holds back the writes of files that import their directory's
`tf2_migrate_support.py` (migrate/support_module.py); here, per directory, the module is
generated from what the directory's files import once the run is over (the new texts of the
changed files, the files on disk for the others, so a later run on part of the tree never drops
a name another file still imports), written atomically, and only then the held-back files.
A module that cannot be written leaves its directory's held-back files unwritten (reported
`io-error`): no file ever imports a module that is not there.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Sequence

from migrate import support_module as support
from migrate.diagnostics import Diagnostic
from migrate.discover import Candidate
from migrate.result import FileResult
from migrate.source_io import ConcurrentChange, atomic_write, fsync_dir

if TYPE_CHECKING:  # pipeline imports this module lazily
    from migrate.pipeline import FileOutcome, Options


def settle(candidates: Sequence[Candidate], outcomes: "list[FileOutcome]", options: "Options") -> "list[FileOutcome]":
    """The files' outcomes (held-back writes done or failed), then one per support module."""
    from migrate.pipeline import FileOutcome

    by_dir: dict[Path, list[int]] = {}
    for i, c in enumerate(candidates):
        if c.plan is not None and c.plan.support == "module":
            by_dir.setdefault(Path(c.path).parent, []).append(i)
    outcomes = list(outcomes)
    modules: list[FileOutcome] = []
    for directory in sorted(by_dir):
        indices = by_dir[directory]
        first = candidates[indices[0]]
        names, stale = _imported(directory, candidates, outcomes)
        display = str(PurePosixPath(first.display).parent / support.SUPPORT_FILE)
        relative = str(PurePosixPath(first.relative).parent / support.SUPPORT_FILE)
        if not names:
            continue  # nothing imports it: no module (an earlier one is left as it is)
        text = support.support_source(names)
        module = _settle_module(directory, text, display, relative, first, options, stale)
        modules.append(module)
        failed = module.result.status == "error"
        for i in indices:
            if outcomes[i].pending is not None:
                outcomes[i] = _write_pending(outcomes[i], failed)
    return outcomes + modules


def _imported(directory: Path, candidates: Sequence[Candidate],
              outcomes: "list[FileOutcome]") -> tuple[frozenset[str], frozenset[str]]:
    """What the directory's files import from the module once the run is over; and the names
    some file imports that no template defines (left out, reported)."""
    new_texts: dict[str, frozenset[str]] = {}
    for c, outcome in zip(candidates, outcomes):
        if Path(c.path).parent == directory and outcome.result.status == "changed":
            new_texts[os.path.basename(c.path)] = outcome.support
    names: set[str] = set()
    try:
        listing = sorted(os.listdir(directory))
    except OSError:
        listing = []
    for name in listing:
        if name in new_texts:
            names |= new_texts.pop(name)
        elif name.endswith(".py") and name != support.SUPPORT_FILE:
            names |= _names_on_disk(directory / name)
    for rest in new_texts.values():
        names |= rest
    known = support.generatable()
    return frozenset(names & known), frozenset(names - known)


def _names_on_disk(path: Path) -> frozenset[str]:
    try:
        data = path.read_bytes()
    except OSError:
        return frozenset()
    if support.SUPPORT_MODULE.encode() not in data:
        return frozenset()
    return support.imported_names(data.decode("utf-8", "replace"))


def _settle_module(directory: Path, text: str, display: str, relative: str, sibling: Candidate,
                   options: "Options", stale: frozenset[str]) -> "FileOutcome":
    from migrate.pipeline import FileOutcome

    path = directory / support.SUPPORT_FILE
    try:
        old = path.read_text(encoding="utf-8") if path.is_file() else None
    except (OSError, UnicodeDecodeError):
        old = None
    diags: tuple[Diagnostic, ...] = ()
    if stale:
        diags = (Diagnostic("support-module", "imported from the support module but no longer generated: "
                            + ", ".join(sorted(stale)), 0, 0, "warning", display),)
    status = "unchanged" if old == text else "changed"
    diff = ""
    if status == "changed" and options.mode == "dry-run":
        diff = _diff(old, text, display)
    data = text.encode("utf-8")
    try:
        if options.mode == "write" and status == "changed":
            atomic_write(path, data, _mode_of(sibling.path))
            fsync_dir(directory)
        elif options.mode == "out":
            assert options.out_dir is not None
            target = Path(options.out_dir, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data, _mode_of(sibling.path))
    except OSError as exc:
        diag = Diagnostic("io-error", f"the support module could not be written: {exc}", 0, 0, "error", display)
        return FileOutcome(FileResult(display, "error", "io-error", (*diags, diag)), detail=str(exc))
    return FileOutcome(FileResult(display, status, "", diags), diff=diff)


def _mode_of(path: str) -> int:
    """A sibling's permission bits, without execute bits (the module is never run directly)."""
    try:
        return os.stat(path).st_mode & 0o666
    except OSError:
        return 0o644


def _diff(old: str | None, new: str, display: str) -> str:
    name = display.lstrip("/")
    before = [] if old is None else old.splitlines(keepends=True)
    lines = difflib.unified_diff(before, new.splitlines(keepends=True),
                                 "/dev/null" if old is None else f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _write_pending(outcome: "FileOutcome", module_failed: bool) -> "FileOutcome":
    pending = outcome.pending
    assert pending is not None
    result = outcome.result
    if module_failed:
        diag = Diagnostic("io-error", "not written: its directory's support module could not be written",
                          0, 0, "error", result.path)
        return replace(outcome, pending=None, result=replace(result, status="error", reason="io-error",
                                                             diagnostics=(*result.diagnostics, diag)))
    try:
        target = Path(pending.target)
        if pending.stat is not None:
            atomic_write(target, pending.data, pending.stat.st_mode, (pending.stat.st_uid, pending.stat.st_gid),
                         expect=pending.stat)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, pending.data, os.stat(pending.source).st_mode)
    except (OSError, ConcurrentChange) as exc:
        return replace(outcome, pending=None, detail=str(exc),
                       result=replace(result, status="error", reason="io-error"))
    return replace(outcome, pending=None)
