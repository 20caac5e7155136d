"""Before any write: plan the whole run (migrate.project), then prove the plan by a trial.

A component that spans files converts in every file or in none. The analysis predicts what each
file converts; a file's own conversion can still refuse a function the analysis accepted (a
construct only the codemod sees). So the files whose conversion depends on another file's are
first migrated without writing (in the worker pool); a file that converted less than planned
blocks those components everywhere, and the plan is made again until it holds.
"""

from __future__ import annotations

import ast
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from migrate.discover import Candidate
    from migrate.pipeline import Options

_MAX_TRIALS = 5


def read_sources(candidates: "list[Candidate]") -> dict[Path, str]:
    sources: dict[Path, str] = {}
    for c in candidates:
        if c.path.endswith(".py"):
            try:
                with open(c.path, "rb") as fh:
                    sources[Path(c.path)] = fh.read().decode("utf-8", "replace")
            except OSError:
                continue  # reported when the file itself is processed
    return sources


def plan_candidates(candidates: "list[Candidate]", options: "Options", jobs: int) -> "list[Candidate]":
    from migrate import pipeline
    from migrate.project import build_project, link

    sources = read_sources(candidates)
    candidates = [c for c in candidates if not _generated_support(c, sources)]
    modes = support_modes(candidates)
    tf_files = frozenset(p for p, text in sources.items() if "tensorflow" in text)
    shared = frozenset(p for p in tf_files if modes.get(p.parent) == "module")
    # (each file's planning text, the libcst passes, in the pool: migrate/planning_texts.py)
    project = build_project(sources, _outside_sources(candidates), shared, jobs)
    _share_trees(project)
    extra: dict = {}
    untouched: dict[Path, str] = {}  # file -> why its trial failed (carried into its refusals: P's G4)
    notes: dict[Path, tuple[int, str, str]] = {}  # file -> its trial's error, for its own report
    plan = link(project)
    tried: dict[Path, object] = {}
    outputs: dict[Path, tuple] = {}  # the trial's (plan, (text, output)): reused when the plan holds
    ahead = _transform_ahead(sources)
    for _ in range(_MAX_TRIALS):
        planned = _with_plan(candidates, project, plan, modes, tf_files, notes)
        trial = [c for c in planned if Path(c.path) in plan.cross_file and tried.get(Path(c.path)) != c.plan]
        if os.environ.get("MIGRATE_DEBUG_PLAN"):
            print(f"plan trial: {len(trial)} of {len(planned)} files", file=sys.stderr)
        if not trial:
            return _reuse(planned, outputs)
        # The first trial also transforms every other file (the pool would idle behind the
        # trial's largest file, and the run transforms them anyway): their outputs are reused
        # like the trial's wherever the plan holds. Only the trial's files decide anything.
        batch = _with_others(trial, planned, outputs) if ahead else trial
        ahead = False
        deciding = {id(c) for c in trial}
        found = False
        for c, outcome in zip(batch, pipeline.run(batch, replace(options, mode="check", keep_output=True), jobs)):
            path = Path(c.path)
            if outcome.output is not None:
                outputs[path] = (c.plan, outcome.output)
            if id(c) not in deciding:
                continue
            tried[path] = c.plan
            expected = plan.converted.get(path, frozenset())
            done = {f.legacy_name: f.class_name for f in outcome.result.functions}
            exported = set(c.plan.exported) if c.plan is not None else set()
            stale = _stale_only(outcome.result.diagnostics)
            culprits = _refusing(project, path, expected, outcome.result.diagnostics) if stale else frozenset()
            if outcome.result.status == "error" and not culprits:
                # the file stays as it is: its functions stay TF1 and what it calls of other
                # files stays callable by its old name (kept beside its class, or not converted)
                if path not in untouched:
                    untouched[path] = _trial_error(outcome.result.diagnostics, path, project.display_root)
                    notes[path] = _trial_note(outcome.result.diagnostics)
                    found = True
                continue
            refusal = _refusal(outcome.result.diagnostics)
            if culprits:
                # the file came back unchanged: only the functions holding a refusal refused;
                # the others are decided again once those are (one refused caller of a helper).
                # (A stale reference no refusal explains, in a nested def say: the file stays as
                # it is, as above, and what it calls keeps its def.)
                found = True
                expected = culprits
            for q in sorted(expected):
                if q not in done:
                    extra[(path, q)] = refusal or ("unconvertible-callee",
                                                   f"{q} left unchanged: the conversion of its file refused it")
                elif q in exported and "." not in q and done[q] != project.class_name((path, q)):
                    extra[(path, q)] = ("unsupported-call", f"{q}: its class name {done[q]} differs from the plan")
                else:
                    continue
                found = True
        if not found:
            return _reuse(planned, outputs)
        plan = link(project, extra, untouched)
    return _with_plan(candidates, project, plan, modes, tf_files, notes)


_AHEAD_LIMIT = 64 << 20  # characters of source: above, only the trial's files are kept in memory


def _transform_ahead(sources: dict[Path, str]) -> bool:
    """Whether the first trial transforms every file: the outputs stay in this process until
    the run, so only while the run's sources are of a bounded size."""
    return sum(len(text) for text in sources.values()) <= _AHEAD_LIMIT


def _with_others(trial: "list[Candidate]", planned: "list[Candidate]",
                 outputs: dict[Path, tuple]) -> "list[Candidate]":
    """The trial's files and every other Python file not transformed yet, in the run's order."""
    chosen = {c.path for c in trial}
    return [c for c in planned if c.path in chosen or (c.path.endswith(".py") and Path(c.path) not in outputs)]


def support_modes(candidates: "list[Candidate]") -> dict[Path, str]:
    """Per directory holding the run's Python files, where their generated support code goes
    (FilePlan.support): nowhere shared in a one-file run; else the directory's support module,
    unless a file of the user's has its name ("reserved": inlined, reported)."""
    from migrate.support_module import SUPPORT_FILE, is_ours

    python = [Path(c.path) for c in candidates if c.path.endswith(".py")]
    if len(python) < 2:
        return {}
    modes: dict[Path, str] = {}
    for directory in sorted({p.parent for p in python}):
        target = directory / SUPPORT_FILE
        try:
            taken = target.exists() and not is_ours(target.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            taken = True
        modes[directory] = "reserved" if taken else "module"
    return modes


def _generated_support(c: "Candidate", sources: dict[Path, str]) -> bool:
    """An earlier run's support module: the run regenerates it, it is not migrated."""
    from migrate.support_module import SUPPORT_FILE, is_ours

    path = Path(c.path)
    if path.name != SUPPORT_FILE or path not in sources:
        return False
    if is_ours(sources[path]):
        del sources[path]
        return True
    return False


def _reuse(planned: "list[Candidate]", outputs: dict[Path, tuple]) -> "list[Candidate]":
    """Files whose plan is the one their trial ran with need no second transform."""
    out = []
    for c in planned:
        kept = outputs.get(Path(c.path))
        out.append(replace(c, precomputed=kept[1]) if kept is not None and kept[0] == c.plan else c)
    return out


def _outside_sources(candidates: "list[Candidate]") -> dict[Path, str]:
    """The repository's other Python files (git work trees only): importers the run cannot rewrite."""
    import subprocess

    inside = {Path(c.path).resolve() for c in candidates}
    if not inside:
        return {}
    start = min(inside, key=lambda p: len(p.parts)).parent
    try:
        top = subprocess.run(["git", "-C", str(start), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, timeout=30)
        if top.returncode == 0:
            root = Path(top.stdout.strip())
            listed = subprocess.run(["git", "-C", str(root), "ls-files", "-co", "--exclude-standard", "*.py"],
                                    capture_output=True, text=True, timeout=60)
            paths = [root / rel for rel in listed.stdout.splitlines()]
        else:  # not a git work tree: the enclosing package, when the run is inside one
            root = start
            while (root / "__init__.py").exists() and root.parent != root:
                root = root.parent
            paths = [] if root == start else list(_limited(root.rglob("*.py"), 5000))
    except (OSError, subprocess.SubprocessError):
        return {}
    out: dict[Path, str] = {}
    for path in paths:
        path = path.resolve()
        if path in inside:
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "import" in text:
            out[path] = text
    return out


def _limited(paths, limit: int):
    for i, path in enumerate(paths):
        if i >= limit:
            return
        if not any(part in (".git", ".venv", "site-packages", "__pycache__") for part in path.parts):
            yield path


def _stale_only(diagnostics) -> bool:
    """The file's only error is a stale reference: the consequence of its own refusal (a caller
    of another file's helper refused, say, for a scope name with a slash), decided as one."""
    # (the upgrade stage's `contrib` reports are errors about the TF1 code, not a failed transform)
    errors = [d for d in diagnostics if d.severity == "error" and d.code != "contrib"]
    return bool(errors) and all(d.code == "internal-error" and "stale-reference" in d.message for d in errors)


def _refusing(project, path: Path, expected: frozenset[str], diagnostics) -> frozenset[str]:
    """The expected functions of `path` whose definition holds one of the file's refusals."""
    s = project.summaries.get(path)
    if s is None:
        return frozenset()
    spans = {}
    for node in s.tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            spans[node.name] = (node.lineno, node.end_lineno or node.lineno)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    spans[f"{node.name}.{item.name}"] = (item.lineno, item.end_lineno or item.lineno)
    lines = [d.line for d in diagnostics if d.severity != "info" and d.code != "internal-error" and d.line]
    return frozenset(q for q in expected if q in spans and any(spans[q][0] <= line <= spans[q][1] for line in lines))


def _trial_error(diagnostics, path: Path, root: Path) -> str:
    """What made a file's trial fail, for the refusals of its functions (`file:line: code: message`):
    the refusal behind a stale reference first, else the error itself."""
    note = _trial_note(diagnostics)
    if note is None:
        return ""
    try:
        where = path.relative_to(root).as_posix()
    except ValueError:
        where = path.name
    line, code, message = note
    return f"{where}:{line}: {code}: {message}" if line else f"{where}: {code}: {message}"


def _trial_note(diagnostics) -> tuple[int, str, str] | None:
    """(line, code, message) of what made a file's trial fail: the refusal behind a stale
    reference first, else the error itself."""
    found = [d for d in diagnostics if d.severity != "info" and d.code not in (
        "unconvertible-callee", "compat-v1-kept", "contrib", "flags", "session-loop", "initializer-rewrite")]
    found.sort(key=lambda d: d.code == "internal-error")
    return (found[0].line, found[0].code, found[0].message) if found else None


def _refusal(diagnostics) -> tuple[str, str] | None:
    """The first reason the file's own conversion gave for refusing something: a stale reference
    (internal-error) is the consequence of a refusal, so the refusal itself is named first."""
    found = [d for d in diagnostics
             if d.severity != "info" and d.code not in ("unconvertible-callee", "compat-v1-kept", "contrib", "flags",
                                                        "session-loop", "initializer-rewrite")]
    found.sort(key=lambda d: d.code == "internal-error")
    return (found[0].code, f"{found[0].message} (line {found[0].line})") if found else None


def _with_plan(candidates: "list[Candidate]", project, plan, modes: dict[Path, str],
               tf_files: frozenset[Path], notes: dict[Path, tuple[int, str, str]] | None = None,
               ) -> "list[Candidate]":
    from migrate.codemod.external import FilePlan

    out = []
    for c in candidates:
        path = Path(c.path)
        file_plan = plan.plan_for(path)
        mode = modes.get(path.parent, "") if c.path.endswith(".py") else ""
        if mode and (file_plan is not None or path in tf_files):  # others have no support code
            file_plan = replace(file_plan or FilePlan(), support=mode)
        if notes and path in notes:  # (its trial failed: why its TF1 code stays, in its own report)
            file_plan = replace(file_plan or FilePlan(), trial_error=notes[path])
        out.append(replace(c, plan=file_plan, pinned=project.pins.get(path, frozenset())))
    return out


def _share_trees(project) -> None:
    """The project's ast trees serve the workers' transforms (forked: no parse, no copy)."""
    from migrate import astparse

    astparse.forget_shared()
    for s in project.summaries.values():
        astparse.share(s.source, s.tree)
