"""Stage 1: turn the PATH arguments into a sorted list of candidate files.

Directories yield *.py and *.ipynb files; `.gitignore` is respected (through git itself when the
directory is in a work tree, else by parsing .gitignore files), `[tool.migrate] exclude` globs
apply, and virtualenvs / caches / VCS folders are never entered. Symlinked files are listed (so
the run can report them as skipped) but never followed into directories.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migrate.codemod.external import FilePlan
    from migrate.result import TransformOutput

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from migrate.config import Config

SUFFIXES = frozenset({".py", ".ipynb"})
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "__pycache__", "site-packages"})


@dataclass(frozen=True)
class Candidate:
    """One file to process. Picklable: it is what a worker process receives."""

    path: str  # absolute, symlinks NOT resolved (so a symlink is still recognisable)
    display: str  # posix path shown to people and written to reports
    relative: str  # posix path below the common root of the PATHs (for --out)
    pinned: frozenset[str] = frozenset()  # names unparsable files of the run import from this one
    plan: "FilePlan | None" = None  # the project's cross-file decisions for this file (migrate.project)
    precomputed: "tuple[str, TransformOutput] | None" = None  # the plan trial's (text, output), reused


# ---------------------------------------------------------------- glob / gitignore patterns


def _translate(pattern: str) -> str:
    """A gitignore-style glob as a regex body (`*` stays in one path component, `**` crosses)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape("["))
                i += 1
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end + 1
        elif pattern[i] == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class Rule:
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool
    base: str  # posix directory the rule is relative to ("" for the top)


def compile_rule(line: str, base: str = "") -> Rule | None:
    """One .gitignore line (or exclude glob) as a Rule; None for blanks and comments."""
    line = line.rstrip("\n\r")
    if not line.endswith("\\ "):
        line = line.rstrip(" ")
    if not line or line.startswith("#"):
        return None
    negate = line.startswith("!")
    if negate:
        line = line[1:]
    dir_only = line.endswith("/")
    line = line.rstrip("/")
    if not line:
        return None
    anchored = "/" in line  # "a/b" and "/a" are relative to base; "a" matches at any depth
    line = line.lstrip("/")
    body = _translate(line)
    regex = re.compile(body if anchored else f"(?:.*/)?{body}")
    return Rule(regex, negate, dir_only, base)


def ignored(rules: Sequence[Rule], rel: str, is_dir: bool) -> bool:
    """gitignore semantics: the last matching rule wins; `!` re-includes."""
    result = False
    for rule in rules:
        if rule.dir_only and not is_dir:
            continue
        if rule.base:
            if not rel.startswith(rule.base + "/"):
                continue
            sub = rel[len(rule.base) + 1 :]
        else:
            sub = rel
        if rule.regex.fullmatch(sub):
            result = not rule.negate
    return result


def _read_gitignore(directory: Path, base: str) -> list[Rule]:
    try:
        text = (directory / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [r for r in (compile_rule(line, base) for line in text.splitlines()) if r]


# ---------------------------------------------------------------- listing


def _git_files(directory: Path) -> list[str] | None:
    """Files git would track here (tracked + untracked, minus ignored), or None if not a repo."""
    try:
        proc = subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard", "-z"],
            cwd=directory,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    names = (os.fsdecode(raw) for raw in proc.stdout.split(b"\0") if raw)
    # -c also lists tracked files deleted from the work tree; -o lists nested repos as "dir/".
    return [n for n in names if not n.endswith("/") and os.path.lexists(directory / n)]


def _walk_files(top: Path) -> Iterator[str]:
    """Fallback without git: os.walk with .gitignore files parsed along the way."""
    rules: list[Rule] = []
    for ancestor in _gitignore_ancestors(top):
        rules += _read_gitignore(ancestor, "")  # ancestors' rules, as if written at the top
    rules_by_dir: dict[str, list[Rule]] = {"": rules + _read_gitignore(top, "")}
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        rel_dir = Path(dirpath).relative_to(top).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir
        here = rules_by_dir.pop(rel_dir, rules)
        keep = []
        for name in sorted(dirnames):
            rel = f"{rel_dir}/{name}" if rel_dir else name
            full = Path(dirpath, name)
            if _skip_dir(full) or ignored(here, rel, True):
                continue
            keep.append(name)
            if not full.is_symlink():
                rules_by_dir[rel] = here + _read_gitignore(full, rel)
        dirnames[:] = keep  # pruning an ignored dir also means `!` cannot re-include inside it
        for name in filenames:
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if not ignored(here, rel, False):
                yield rel


def _gitignore_ancestors(top: Path) -> list[Path]:
    """Directories above `top` up to the repository root (one with .git), outermost first."""
    chain = []
    for parent in top.parents:
        chain.append(parent)
        if (parent / ".git").exists():
            return list(reversed(chain))
    return []  # not inside any repository: ancestors' .gitignore files mean nothing here


def _skip_dir(path: Path) -> bool:
    return path.name in SKIP_DIRS or (path / "pyvenv.cfg").exists()


# ---------------------------------------------------------------- config excludes


def _exclude_rules(config: Config) -> list[Rule]:
    return [r for r in (compile_rule(g) for g in config.exclude) if r and not r.negate]


def _excluded(rules: Sequence[Rule], path: Path, config: Config) -> bool:
    """A glob excludes a file when it matches the file or any directory above it."""
    if not rules:
        return False
    try:
        rel = path.relative_to(config.root).as_posix() if config.root else path.as_posix()
    except ValueError:
        rel = path.as_posix().lstrip("/")
    parts = rel.split("/")
    for depth in range(1, len(parts) + 1):
        prefix = "/".join(parts[:depth])
        if any(rule.regex.fullmatch(prefix) for rule in rules):
            return True
    return False


def _in_skipped_dir(rel: str) -> bool:
    return any(part in SKIP_DIRS for part in rel.split("/")[:-1])


# ---------------------------------------------------------------- entry point


def common_root(paths: Sequence[Path]) -> Path:
    """The deepest directory containing every PATH; --out mirrors the tree below it."""
    dirs = [str(p if p.is_dir() and not p.is_symlink() else p.parent) for p in paths]
    return Path(os.path.commonpath(dirs))


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _files_under(directory: Path) -> Iterable[str]:
    listed = _git_files(directory)
    if listed is None:
        return _walk_files(directory)
    # git lists an un-ignored virtualenv ("env/", "venv2/") like any other folder.
    venv: dict[str, bool] = {}

    def in_venv(rel: str) -> bool:
        parts = rel.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            if prefix not in venv:
                venv[prefix] = (directory / prefix / "pyvenv.cfg").exists()
            if venv[prefix]:
                return True
        return False

    return [rel for rel in listed if not in_venv(rel)]


def discover(
    paths: Sequence[Path],
    config: Config,
    skip: Sequence[Path] = (),
    cwd: Path | None = None,
) -> list[Candidate]:
    """Every file to process, sorted by display path, each once.

    Files named explicitly are always candidates (whatever their suffix, and even if
    .gitignore'd: the user asked), but `[tool.migrate] exclude` still applies so that
    pre-commit, which passes files one by one, honours it.
    """
    cwd = cwd or Path.cwd()
    absolute = [Path(os.path.abspath(p)) for p in paths]
    root = common_root(absolute)
    skip_abs = [Path(os.path.abspath(s)) for s in skip]
    rules = _exclude_rules(config)
    found: dict[str, Candidate] = {}

    def add(path: Path) -> None:
        if any(path == s or s in path.parents for s in skip_abs):
            return
        if _excluded(rules, path, config):
            return
        found.setdefault(
            str(path),
            Candidate(str(path), display_path(path, cwd), path.relative_to(root).as_posix()),
        )

    for path in absolute:
        if path.is_dir() and not path.is_symlink():
            for rel in _files_under(path):
                if Path(rel).suffix in SUFFIXES and not _in_skipped_dir(rel):
                    add(path / rel)
        else:
            add(path)
    return sorted(found.values(), key=lambda c: c.display)
