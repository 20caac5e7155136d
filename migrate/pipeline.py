"""Stage 2: one file in, one small FileOutcome out (read, transform, verify, then diff or write).

`process_file` is what worker processes run; it never raises for a per-file problem, so one bad
file never stops the run. The codemod is reached through this module's global
`transform_source`, looked up at call time, so tests can monkeypatch it in-process.
"""

from __future__ import annotations

import ast
import difflib
import json
import functools
import gc
import os
import re
import stat
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Literal, Sequence

import libcst

from migrate import astparse
from migrate.diagnostics import Diagnostic
from migrate.discover import Candidate
from migrate.result import FileResult, TransformOutput
from migrate.source_io import (
    ConcurrentChange,
    DecodeFailure,
    Decoded,
    atomic_write,
    copy_file,
    copy_symlink,
    decode,
    fsync_dir,
    is_generated,
    is_read_only,
)
from migrate import support_module as support
from migrate.transform import transform_source
from migrate.verify import verify_output

Mode = Literal["write", "dry-run", "check", "out"]
Transform = Callable[[str, str], TransformOutput]

_REAL_TRANSFORM = transform_source
PREFILTER = b"tensorflow"  # no mention of TF, nothing to migrate: skip decoding and parsing
PARALLEL_MIN_FILES = 8  # below this, starting worker processes costs more than it saves
# Test-only hook: "1" swaps in `fake_transform`, for subprocess tests that cannot monkeypatch.
FAKE_TRANSFORM_ENV = "MIGRATE_TEST_FAKE_TRANSFORM"
FAKE_MARK = "# migrated by the test-only fake transform"


@dataclass(frozen=True)
class Options:
    mode: Mode
    max_file_size: int
    out_dir: str | None = None  # for mode "out"
    debug: bool = False
    keep_output: bool = False  # the plan trial: send the transform's output back, for reuse


@dataclass(frozen=True)
class FileOutcome:
    """What a worker sends back: small, no file texts (only the diff in dry-run mode)."""

    result: FileResult
    diff: str = ""
    detail: str = ""  # why, for people: exception text, or a traceback under --debug
    # (source text, output) with Options.keep_output, plus, once the output was checked, (the
    # output as the file gets it, its support-module names, the verification's failure or None)
    output: tuple | None = None
    support: frozenset[str] = frozenset()  # names the new text imports from its directory's support module
    pending: "PendingWrite | None" = None  # a write held back until the support module is written


@dataclass(frozen=True)
class PendingWrite:
    """A migrated file that imports the support module: written after the module (never before)."""

    target: str
    data: bytes
    stat: os.stat_result | None  # the source's stat when read (write mode: refuse concurrent edits)
    source: str  # the source path (--out copies take its mode)


# ---------------------------------------------------------------- transforms


def fake_transform(source: str, path: str) -> TransformOutput:
    """TEST ONLY: parse like the real codemod, then append one marker line (idempotent)."""
    libcst.parse_module(source)
    if FAKE_MARK in source:
        return TransformOutput(code=source)
    sep = "" if source.endswith("\n") or not source else "\n"
    return TransformOutput(code=f"{source}{sep}{FAKE_MARK}\n")


def _python_transform() -> Transform:
    if os.environ.get(FAKE_TRANSFORM_ENV) == "1":
        return fake_transform
    return transform_source  # global lookup: monkeypatching pipeline.transform_source works


@lru_cache(maxsize=1)
def _notebook_transform() -> Transform | None:
    """The notebook codemod lives in migrate.upgrade and may not exist (yet)."""
    try:
        from migrate.upgrade.notebook import transform_notebook  # type: ignore[import-not-found]
    except ImportError:
        return None
    # code cells get the whole codemod (structure and bodies), not only the body stage
    return functools.partial(transform_notebook, transform=transform_source)


# ---------------------------------------------------------------- parse failures

_PY2_MESSAGES = (
    "Missing parentheses in call to 'print'",
    "Missing parentheses in call to 'exec'",
    "multiple exception types must be parenthesized",
    "leading zeros in decimal integer literals",
)
_PY2_LINE = re.compile(
    r"""^\s*print\s*(?:>>|[^\s(=.,)\]:;])"""  # print statement
    r"""|^\s*exec\s+["'\w]"""  # exec statement
    r"""|\bexcept\s+[\w.]+\s*,\s*\w+\s*:"""  # except X, e:
    r"""|`"""  # repr backticks
    r"""|\b(?i:ur)["']"""  # ur'' literals
    r"""|^\s*raise\s+[\w.]+\s*,"""  # raise E, "msg"
    r"""|<>"""  # inequality
    r"""|\b\d+[lL]\b"""  # long literals
)


def parse_failure(text: str, path: str, fallback: Exception | None = None) -> Diagnostic:
    """A file-level diagnostic for text that does not parse: "python2" or "parse-error"."""
    try:
        ast.parse(text)
    except SyntaxError as err:
        line, col, msg = err.lineno or 0, max((err.offset or 1) - 1, 0), err.msg
        code = "python2" if _looks_like_python2(text, line, msg) else "parse-error"
        return Diagnostic(code, msg, line, col, "error", path)
    except (ValueError, RecursionError, MemoryError) as err:  # null bytes, absurd nesting
        return Diagnostic("parse-error", str(err), 0, 0, "error", path)
    # ast accepts it but libcst did not: report libcst's complaint.
    line = getattr(fallback, "raw_line", 0) or 0
    col = getattr(fallback, "raw_column", 0) or 0
    msg = getattr(fallback, "message", None) or str(fallback or "does not parse")
    return Diagnostic("parse-error", msg, line, col, "error", path)


def _looks_like_python2(text: str, line: int, msg: str) -> bool:
    if any(m in msg for m in _PY2_MESSAGES):
        return True
    lines = text.splitlines()
    nearby = lines[max(line - 2, 0) : line]  # errors are sometimes reported a line late
    return any(_PY2_LINE.search(src) for src in nearby)


def _parses(text: str, notebook: bool) -> bool:
    try:
        json.loads(text) if notebook else astparse.parse(text)  # the tree serves verify_output too
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


# ---------------------------------------------------------------- one file


_LAST_OUTPUT: tuple | None = None  # one file at a time per process: (text, output[, checked])
_SUPPORT_NAMES: frozenset[str] = frozenset()  # what the last file's new text imports from the support module


def process_file(candidate: Candidate, options: Options) -> FileOutcome:
    """Never raises for a per-file problem: everything becomes a FileOutcome."""
    global _LAST_OUTPUT, _SUPPORT_NAMES
    _LAST_OUTPUT = None
    astparse.forget()  # the last file's trees: memory holds one file's at a time
    _SUPPORT_NAMES = frozenset()
    try:
        outcome = _process(candidate, options)
        if options.keep_output and _LAST_OUTPUT is not None:
            outcome = replace(outcome, output=_LAST_OUTPUT)
        if _SUPPORT_NAMES and outcome.result.status == "changed":
            outcome = replace(outcome, support=_SUPPORT_NAMES)
        return outcome
    except Exception as exc:  # a bug anywhere (codemod included) costs one file, not the run
        detail = traceback.format_exc() if options.debug else f"{type(exc).__name__}: {exc}"
        if isinstance(exc, OSError):
            return _finish(candidate, options, "error", "io-error", detail=detail)
        diag = Diagnostic("internal-error", detail.strip().splitlines()[-1], 0, 0, "error")
        return _finish(candidate, options, "error", "internal-error", (diag,), detail=detail)


def _process(c: Candidate, options: Options) -> FileOutcome:
    path = Path(c.path)
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        return _finish(c, options, "skipped", "symlink")
    if not stat.S_ISREG(st.st_mode):
        return _finish(c, options, "skipped", "io-error", detail="not a regular file")
    if st.st_size > options.max_file_size:
        return _finish(c, options, "skipped", "too-large", detail=f"{st.st_size} bytes")
    data = path.read_bytes()
    if not data:
        return _finish(c, options, "unchanged")
    if is_generated(data):
        return _finish(c, options, "skipped", "generated-file")
    if PREFILTER not in data and c.plan is None:
        return _finish(c, options, "unchanged", data=data)

    notebook = path.suffix == ".ipynb"
    try:
        decoded = decode(data, notebook)
    except DecodeFailure as exc:
        diag = Diagnostic("decode-error", str(exc), 0, 0, "error")
        return _finish(c, options, "error", "decode-error", (diag,), detail=str(exc), data=data)

    transform = _notebook_transform() if notebook else _python_transform()
    if transform is None:
        return _finish(c, options, "skipped", "notebook-unsupported", data=data)
    # a plan that only says where support code goes is for the real codemod (test doubles take none)
    planned = c.plan is not None and (not c.plan.empty or transform is _REAL_TRANSFORM)
    if (c.pinned or planned) and transform is transform_source:
        transform = functools.partial(transform_source, pinned=c.pinned, plan=c.plan)
    global _LAST_OUTPUT, _SUPPORT_NAMES
    checked = None  # the trial's checks of this very output (same text, plan and support mode)
    try:
        if c.precomputed is not None and c.precomputed[0] == decoded.text:
            output = c.precomputed[1]  # the plan trial already transformed this text with this plan
            checked = c.precomputed[2] if len(c.precomputed) > 2 else None
        else:
            output = transform(decoded.text, c.display)
    except libcst.ParserSyntaxError as exc:
        return _unparsable(c, options, decoded.text, data, exc)
    _LAST_OUTPUT = (decoded.text, output)
    transformed = output
    shared = not notebook and c.plan is not None and c.plan.support == "module"
    if checked is not None:
        output, _SUPPORT_NAMES = checked[0], checked[1]
    elif shared and output.code != decoded.text:
        output = _share_support(c, decoded.text, output)
    elif not notebook and c.plan is not None and c.plan.support == "reserved":
        output = _note_inlined(decoded.text, output)

    diags = tuple(d if d.path else d.with_path(c.display) for d in output.diagnostics)
    if output.code == decoded.text:
        if not notebook and not output.parsed and not _parses(decoded.text, False):
            # The codemod may return early without parsing; a broken file is still an error.
            return _unparsable(c, options, decoded.text, data)
        if any(d.code == "internal-error" for d in diags):  # the transform refused its own output
            return _finish(c, options, "error", "internal-error", diags, detail=diags[0].message, data=data)
        return _finish(c, options, "unchanged", "", diags, output.functions, data=data)

    if checked is not None:
        failure = checked[2]  # it parsed, and this is what the verification said of it
    else:
        if not _parses(output.code, notebook):
            if not notebook and not _parses(decoded.text, False):
                return _unparsable(c, options, decoded.text, data)
            msg = "the migrated text does not parse; file left untouched (a codemod bug)"
            diag = Diagnostic("internal-error", msg, 0, 0, "error", c.display)
            return _finish(c, options, "error", "internal-error", (diag, *diags), detail=msg, data=data)
        exports = support.exports if shared else None
        failure = None if notebook else verify_output(decoded.text, output.code, c.path, exports)
        _LAST_OUTPUT = (decoded.text, transformed, (output, _SUPPORT_NAMES, failure))
    if failure is not None:  # the output would not run: leave the file as it is (migrate/verify.py)
        return _finish(c, options, "error", "internal-error", (failure, *diags), detail=failure.message, data=data)
    try:
        new_data = decoded.encode(output.code)
    except UnicodeEncodeError as exc:
        msg = f"the migrated text does not fit the file's encoding {decoded.encoding}: {exc}"
        diag = Diagnostic("internal-error", msg, 0, 0, "error", c.display)
        return _finish(c, options, "error", "internal-error", (diag, *diags), detail=msg, data=data)
    return _changed(c, options, st, data, decoded, output.code, new_data, diags, output.functions)


def _share_support(c: Candidate, source: str, output: TransformOutput) -> TransformOutput:
    """The support code the transform inlined, imported from the directory's module instead."""
    global _SUPPORT_NAMES
    try:
        directory = Path(c.path).parent
        style = support.import_style(source, (directory / "__init__.py").is_file(), _siblings(directory),
                                     imported_bare=Path(c.path).stem in _imported_bare(directory))
        code, names = support.extract(source, output.code, style)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return output  # the pipeline reports unparsable output itself
    _SUPPORT_NAMES = names
    return replace(output, code=code) if code != output.code else output


def _siblings(directory: Path) -> set[str]:
    """Module names of a directory's Python files (a bare `import ops` means ops.py next to it)."""
    try:
        return {name[:-3] for name in os.listdir(directory) if name.endswith(".py") and name != "__init__.py"}
    except OSError:
        return set()


_BARE_IMPORTS: dict[Path, set[str]] = {}
_BARE_IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+([\w, \t]+)|from[ \t]+(\w+)[ \t.]*import)", re.M)


def _imported_bare(directory: Path) -> set[str]:
    """Modules the directory's files import by bare name (`import modeling` beside modeling.py:
    XLNet's package directory is also run as scripts, so modeling.py is a top-level module)."""
    if directory not in _BARE_IMPORTS:
        found: set[str] = set()
        for name in _siblings(directory):
            try:
                text = (directory / f"{name}.py").read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for plain, base in _BARE_IMPORT.findall(text):
                found |= {part.split(" as ")[0].strip().split(".")[0] for part in plain.split(",")} if plain else {base}
        _BARE_IMPORTS[directory] = found
    return _BARE_IMPORTS[directory]


def _note_inlined(source: str, output: TransformOutput) -> TransformOutput:
    """A user file holds the support module's name: the support code stays inlined; say so."""
    try:
        inlined = output.code != source and support.inlined_names(source, output.code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return output
    if not inlined:
        return output
    diag = Diagnostic("support-module", f"the generated support code is inlined in this file: "
                      f"{support.SUPPORT_FILE} next to it is a file of yours", 0, 0, "info")
    return replace(output, diagnostics=(*output.diagnostics, diag))


def _unparsable(
    c: Candidate, options: Options, text: str, data: bytes, exc: Exception | None = None
) -> FileOutcome:
    diag = parse_failure(text, c.display, exc)
    detail = f"line {diag.line}: {diag.message}" if diag.line else diag.message
    return _finish(c, options, "error", diag.code, (diag,), detail=detail, data=data)


def _changed(
    c: Candidate,
    options: Options,
    st: os.stat_result,
    data: bytes,
    decoded: Decoded,
    new_text: str,
    new_data: bytes,
    diags: tuple[Diagnostic, ...],
    functions: tuple,
) -> FileOutcome:
    path = Path(c.path)
    diff = ""
    if options.mode == "dry-run":
        diff = unified_diff(decoded.on_disk(decoded.text), decoded.on_disk(new_text), c.display)
    elif options.mode == "write":
        if is_read_only(st):
            return _finish(c, options, "skipped", "read-only", diags)
        if _SUPPORT_NAMES and not options.keep_output:
            pending = PendingWrite(str(path), new_data, st, str(path))
            return FileOutcome(FileResult(c.display, "changed", "", diags, functions), pending=pending)
        try:
            atomic_write(path, new_data, st.st_mode, (st.st_uid, st.st_gid), expect=st)
        except ConcurrentChange as exc:
            return _finish(c, options, "error", "io-error", diags, detail=str(exc))
    elif options.mode == "out":
        if _SUPPORT_NAMES and not options.keep_output:
            pending = PendingWrite(str(_out_path(c, options)), new_data, None, str(path))
            return FileOutcome(FileResult(c.display, "changed", "", diags, functions), pending=pending)
        copy_file(path, _out_path(c, options), new_data)
    result = FileResult(c.display, "changed", "", diags, functions)
    return FileOutcome(result, diff=diff)


def _out_path(c: Candidate, options: Options) -> Path:
    assert options.out_dir is not None
    return Path(options.out_dir, c.relative)


def _finish(
    c: Candidate,
    options: Options,
    status: Literal["changed", "unchanged", "skipped", "error"],
    reason: str = "",
    diags: tuple[Diagnostic, ...] = (),
    functions: tuple = (),
    detail: str = "",
    data: bytes | None = None,
) -> FileOutcome:
    """An outcome for a file we leave as it is; in --out mode its copy is still made."""
    diags = tuple(d if d.path else d.with_path(c.display) for d in diags)
    if options.mode == "out":
        try:
            src = Path(c.path)
            if src.is_symlink():
                copy_symlink(src, _out_path(c, options))
            elif src.is_file():
                copy_file(src, _out_path(c, options), data)
        except OSError as exc:
            if status != "error":
                status, reason, detail = "error", "io-error", f"copy to --out failed: {exc}"
    return FileOutcome(FileResult(c.display, status, reason, diags, functions), detail=detail)


# ---------------------------------------------------------------- diff


def _lines(text: str) -> list[str]:
    """Split on \\n only (str.splitlines also splits on \\f, \\x1c, U+2028... and breaks diffs)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(old: str, new: str, display: str) -> str:
    """A git-style unified diff (a/ b/ prefixes) that `git apply` / `patch -p1` accept."""
    name = display.lstrip("/")
    out = []
    for line in difflib.unified_diff(_lines(old), _lines(new), f"a/{name}", f"b/{name}"):
        if line.startswith(("---", "+++")):
            line = line.rstrip("\n") + "\n"
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


# ---------------------------------------------------------------- many files


def run(candidates: Sequence[Candidate], options: Options, jobs: int) -> Iterator[FileOutcome]:
    """Outcomes in the order of `candidates` (already sorted), in-process or in a pool; then,
    in a run that shares support code, one outcome per directory's support module."""
    written: set[Path] = set()
    shared = not options.keep_output and any(c.plan is not None and c.plan.support == "module" for c in candidates)
    outcomes = _outcomes(candidates, options, jobs)
    if shared:  # every file first: the modules' contents depend on all of them
        outcomes = iter(_with_support(candidates, list(outcomes), options))
    for candidate, outcome in zip(candidates, outcomes):
        if outcome.result.status == "changed" and options.mode in ("write", "out"):
            target = _out_path(candidate, options) if options.mode == "out" else Path(candidate.path)
            written.add(target.parent)
        yield outcome
    yield from outcomes  # the support modules (written and fsynced by support_run.settle)
    for directory in sorted(written):
        fsync_dir(directory)


def _with_support(candidates: Sequence[Candidate], outcomes: list[FileOutcome],
                  options: Options) -> list[FileOutcome]:
    """The files' outcomes (held-back writes done), then the support modules' (written first)."""
    from migrate.support_run import settle

    return settle(candidates, outcomes, options)


def _outcomes(candidates: Sequence[Candidate], options: Options, jobs: int) -> Iterator[FileOutcome]:
    if jobs <= 1 or len(candidates) < PARALLEL_MIN_FILES:
        for candidate in candidates:
            yield process_file(candidate, options)
        return
    batches = _batches(candidates, jobs)
    _warm_up()
    owner: dict[int, tuple[Future, int]] = {}
    # Forked workers share the parent's objects (the plan's ast trees among them) until they
    # write to them: keep the workers' garbage collector from touching, hence copying, them all.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for batch in batches:
                future = pool.submit(_process_batch, [candidates[i] for i in batch], options)
                for pos, i in enumerate(batch):
                    owner[i] = (future, pos)
            for i in range(len(candidates)):  # in the order of `candidates`, whatever finishes first
                future, pos = owner.pop(i)
                yield future.result()[pos]
    finally:
        gc.unfreeze()


def _process_batch(batch: list[Candidate], options: Options) -> list[FileOutcome]:
    return [process_file(c, options) for c in batch]


def _batches(candidates: Sequence[Candidate], jobs: int) -> list[list[int]]:
    """Indices of `candidates` in batches, largest files first (one big file left for the end
    keeps one worker busy while the others idle); small files share a batch so that pickling
    and queueing cost little per file."""
    sizes = []
    for c in candidates:
        try:
            sizes.append(os.lstat(c.path).st_size)
        except OSError:
            sizes.append(0)
    order = sorted(range(len(candidates)), key=lambda i: -sizes[i])
    budget = max(sum(sizes) // (jobs * 32), 1)
    batches: list[list[int]] = []
    current: list[int] = []
    weight = 0
    for i in order:
        current.append(i)
        weight += sizes[i]
        if weight >= budget or len(current) >= 32:
            batches.append(current)
            current, weight = [], 0
    if current:
        batches.append(current)
    return batches


def _warm_up() -> None:
    """Import the transform stages (and read the rename tables) before the workers start: forked
    workers inherit them instead of each paying for them on its first file."""
    try:
        from migrate.upgrade.tables import load_tables
    except ImportError:
        return
    try:
        load_tables()
    except Exception:  # a worker reports this per file, with the file's name
        pass
