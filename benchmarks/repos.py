#!/usr/bin/env python3
"""Real-repository benchmark: migrate whole TF1 repositories in place, as a user would.

For each repository of benchmarks/repos.txt (name, owner/repo, ref, subdir, set) this

1. exports a work tree once from the bare mirror the `fetch` tool leaves under
   /work/.mirror/<owner>+<repo>/repo into --repos-dir/<name> (blobs missing from the snapshot,
   such as large binaries, are skipped and counted);
2. copies that tree to a temp dir and runs `migrate run SUBDIR --report r.json` there (in place);
3. measures, over every .py file under SUBDIR, before and after:
   - `variable_scope` / `get_variable` calls (the AST counter of census.py) and the share gone;
   - functions converted (report), files changed (bytes compared);
   - diagnostic codes, non-info and info apart;
   - files that parsed before and do not parse after (must be 0);
   - names that became undefined: pyflakes' undefined-name messages per file, before vs after,
     plus names used through a star import that the star-imported repo module no longer defines;
   - broken imports: `from M import x` / `M.x` where M is a module of the repository that does
     not define x (after, and not before);
   - `tf.*` names the installed TF2 API lacks (migrate.tf2_api's listing), gained in a changed file;
   - every `variable_scope` / `get_variable` left in the output with no diagnostic on its line;
4. runs `migrate run --check SUBDIR` again (a second run must change nothing: exit 0);
5. writes benchmarks/out/repos.md (tables) and benchmarks/out/repos.json (everything).

A repository that is not fetched, does not export, or crashes migrate is reported, never fatal.
Benchmark-only dependency: pyflakes (`.venv/bin/pip install pyflakes`), never needed by migrate.

Usage:
  .venv/bin/python benchmarks/repos.py --repos-dir /work/repos [--only NAME[,NAME]] [--set heldout]
  .venv/bin/python benchmarks/repos.py --migrate-cmd "/other/venv/bin/migrate" --out /tmp/b
"""

from __future__ import annotations

import argparse
import ast
import difflib
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from census import TARGETS, _Counter  # noqa: E402  (same counting rules as the census)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LIST = Path(__file__).resolve().parent / "repos.txt"
DEFAULT_OUT = Path(__file__).resolve().parent / "out"
DEFAULT_MIRROR_ROOT = Path("/work/.mirror")
DEFAULT_REPOS_DIR = Path("/work/repos")
EXPORT_STAMP = ".migrate-bench-export.json"
FINDINGS_SHOWN = 40  # per kind in repos.md; repos.json has them all
SKIP_DIRS = {".git", "__pycache__", ".venv", "node_modules"}
NAMED_REASON = re.compile(r"\(([\w-]+) at line (\d+)\)")  # how migrate's leftover notes name a reason


# ----------------------------------------------------------------------------- the list


@dataclass(frozen=True)
class RepoEntry:
    name: str
    slug: str  # owner/repo
    ref: str = "HEAD"
    subdir: str = "."
    set: str = "heldout"


def read_list(path: Path) -> list[RepoEntry]:
    entries: list[RepoEntry] = []
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        name, slug, rest = parts[0], parts[1], parts[2:]
        ref = rest[0] if len(rest) > 0 and rest[0] != "-" else "HEAD"
        subdir = rest[1] if len(rest) > 1 and rest[1] != "-" else "."
        kind = rest[2] if len(rest) > 2 else "heldout"
        entries.append(RepoEntry(name, slug, ref, subdir, kind))
    return entries


# ----------------------------------------------------------------------------- export


def git(git_dir: Path, *args: str, input: bytes | None = None) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], input=input,
                          capture_output=True, check=True).stdout


def find_git_dir(mirror_root: Path, slug: str) -> Path | None:
    base = mirror_root / slug.replace("/", "+") / "repo"
    for cand in (base / ".git", base):
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


def export(entry: RepoEntry, mirror_root: Path, repos_dir: Path) -> dict:
    """Work tree of the entry at its ref under repos_dir/name (once; a stamp file marks it done)."""
    dest = repos_dir / entry.name
    stamp = dest / EXPORT_STAMP
    if stamp.is_file():
        return json.loads(stamp.read_text())
    git_dir = find_git_dir(mirror_root, entry.slug)
    if git_dir is None:
        raise RuntimeError(f"not fetched: no mirror of {entry.slug} under {mirror_root}")
    commit = git(git_dir, "rev-parse", "--verify", f"{entry.ref}^{{commit}}").decode().strip()
    rows = [r.split(b"\t", 1) for r in git(git_dir, "ls-tree", "-r", "-z", "--full-tree", commit).split(b"\0") if r]
    blobs: list[tuple[str, str, str]] = []  # (mode, sha, path)
    for meta, path in rows:
        mode, kind, sha = meta.decode().split()
        if kind == "blob":
            blobs.append((mode, sha, path.decode("utf-8", "surrogateescape")))
    # Missing objects (large files left out of the snapshot) are skipped, not fatal.
    check = git(git_dir, "cat-file", "--batch-check", input="".join(f"{s}\n" for _, s, _ in blobs).encode())
    present = {ln.split()[0] for ln in check.decode().splitlines() if not ln.endswith("missing")}
    wanted = [b for b in blobs if b[1] in present]
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    data = git(git_dir, "cat-file", "--batch", input="".join(f"{s}\n" for _, s, _ in wanted).encode())
    pos = 0
    for mode, sha, path in wanted:
        header_end = data.index(b"\n", pos)
        size = int(data[pos:header_end].split()[2])
        body = data[header_end + 1: header_end + 1 + size]
        pos = header_end + 1 + size + 1
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            os.symlink(body.decode("utf-8", "surrogateescape"), target)
        else:
            target.write_bytes(body)
            if mode == "100755":
                target.chmod(0o755)
    info = {"slug": entry.slug, "ref": entry.ref, "commit": commit, "files": len(wanted),
            "missing_blobs": len(blobs) - len(wanted)}
    stamp.write_text(json.dumps(info) + "\n")
    return info


# ----------------------------------------------------------------------------- per-file facts


def call_sites(tree: ast.AST) -> list[tuple[str, int, tuple[int, ...]]]:
    """(call kind, line, lines of the enclosing def / class / with statements) of each target call."""
    v = _Counter()
    for n in ast.walk(tree):
        if isinstance(n, ast.Import):
            v.visit_Import(n)
        elif isinstance(n, ast.ImportFrom):
            v.visit_ImportFrom(n)
    v.visit(tree)  # aliases from assignments (tf = tf.compat.v1)
    # a bare `get_variable(...)` whose import is unseen counts as TF (census rule), unless the
    # file defines that name itself (sonnet's spatial_transformer has a local `def get_variable`)
    own = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    sites: list[tuple[str, int, tuple[int, ...]]] = []
    enclosing = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.With, ast.AsyncWith)

    def walk(node: ast.AST, outer: tuple[int, ...]) -> None:
        if isinstance(node, ast.Call):
            q = v.qualify(node.func)
            if q:
                last = q.rsplit(".", 1)[-1]
                if last in TARGETS and (q.startswith("tensorflow") or (q == last and last not in own)):
                    sites.append((last, node.lineno, outer))
        inner = (*outer, node.lineno) if isinstance(node, enclosing) else outer
        for child in ast.iter_child_nodes(node):
            walk(child, inner)

    walk(tree, ())
    return sorted(sites, key=lambda s: s[1])


@dataclass
class FileFacts:
    parsed: bool
    sites: list[tuple[str, int, tuple[int, ...]]] = field(default_factory=list)  # (kind, line, enclosing)
    undefined: Counter = field(default_factory=Counter)  # pyflakes undefined names
    star_used: dict[str, list[str]] = field(default_factory=dict)  # name -> star-imported modules
    imports: list[tuple[str, str, int]] = field(default_factory=list)  # (module, name, line) used from repo modules
    tree: ast.Module | None = None
    tf_missing: dict[str, int] = field(default_factory=dict)  # `tf.*` names absent from TF2 -> first line
    tf_missing_spelled: dict[str, str] = field(default_factory=dict)  # the same names -> as written


def parse(src: bytes) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(src)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def pyflakes_facts(tree: ast.Module, filename: str) -> tuple[Counter, dict[str, list[str]]]:
    from pyflakes import checker, messages

    undefined: Counter = Counter()
    star: dict[str, list[str]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = checker.Checker(tree, filename=filename)
    for m in w.messages:
        if isinstance(m, (messages.UndefinedName, messages.UndefinedExport, messages.UndefinedLocal)):
            undefined[str(m.message_args[0])] += 1
        elif isinstance(m, messages.ImportStarUsage):
            name, from_list = m.message_args
            star[str(name)] = [s.strip() for s in str(from_list).split(",")]
    return undefined, star


def repo_module_uses(tree: ast.Module) -> list[tuple[str, str, int, int]]:
    """(module, name, level, line): `from M import name` and `alias.name` for `import M as alias`."""
    uses: list[tuple[str, str, int, int]] = []
    aliases: dict[str, tuple[str, int]] = {}
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom):
            for a in n.names:
                if a.name != "*":
                    uses.append((n.module or "", a.name, n.level, n.lineno))
                    aliases[a.asname or a.name] = (f"{n.module or ''}.{a.name}".lstrip("."), n.level)
        elif isinstance(n, ast.Import):
            for a in n.names:
                if a.asname:
                    aliases[a.asname] = (a.name, 0)
                elif "." not in a.name:
                    aliases[a.name] = (a.name, 0)
    for n in ast.walk(tree):
        if (isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load)
                and isinstance(n.value, ast.Name) and n.value.id in aliases):
            mod, level = aliases[n.value.id]
            uses.append((mod, n.attr, level, n.lineno))
    return uses


def file_facts(src: bytes, filename: str, with_pyflakes: bool = True) -> FileFacts:
    tree = parse(src)
    if tree is None:
        return FileFacts(parsed=False)
    missing = missing_tf2_names(tree)
    facts = FileFacts(parsed=True, sites=call_sites(tree), tree=tree,
                      tf_missing={name: line for name, (line, _) in missing.items()},
                      tf_missing_spelled={name: spelled for name, (_, spelled) in missing.items()})
    if with_pyflakes:
        facts.undefined, facts.star_used = pyflakes_facts(tree, filename)
    return facts


_API = None  # the installed TensorFlow's TF2 listing (migrate.tf2_api; read as text, never imported)


def missing_tf2_names(tree: ast.Module) -> dict[str, tuple[int, str]]:
    """`tf.a.b` chains (through the file's own tensorflow imports) that the installed TF2 API lacks,
    with the first line and the spelling of each: what a TF2 run would fail on (AttributeError)."""
    global _API
    if _API is None:
        sys.path.insert(0, str(REPO_ROOT))
        from migrate.tf2_api import load_api

        _API = load_api()
    v = _Counter()
    for n in ast.walk(tree):
        if isinstance(n, ast.Import):
            v.visit_Import(n)
        elif isinstance(n, ast.ImportFrom):
            v.visit_ImportFrom(n)
    if not any(m == "tensorflow" or m.startswith("tensorflow.") for m in v.alias.values()):
        return {}
    inner = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    out: dict[str, tuple[int, str]] = {}
    for n in ast.walk(tree):
        if not isinstance(n, ast.Attribute) or id(n) in inner:
            continue
        parts: list[str] = []
        expr: ast.AST = n
        while isinstance(expr, ast.Attribute):
            parts.append(expr.attr)
            expr = expr.value
        if not isinstance(expr, ast.Name) or not v.alias.get(expr.id, "").startswith("tensorflow"):
            continue
        full = ".".join([v.alias[expr.id], *reversed(parts)])
        if full != "tensorflow" and not full.startswith("tensorflow."):
            continue
        name = "tf" + full[len("tensorflow"):]
        if not (_API.is_internal(name) or _API.exists(name)):
            out.setdefault(name, (n.lineno, ".".join([expr.id, *reversed(parts)])))
    return out


def written_chains(tree: ast.Module | None) -> set[str]:
    """Every `a.b.c` attribute chain a file spells where `a` is not bound by an import of its
    own (a star-imported `tf`, say); import-rooted chains are compared by what they name."""
    out: set[str] = set()
    nodes = list(ast.walk(tree)) if tree is not None else []
    imported = {(a.asname or a.name).split(".")[0] for n in nodes if isinstance(n, (ast.Import, ast.ImportFrom))
                for a in n.names}
    for node in nodes:
        if isinstance(node, ast.Attribute):
            parts: list[str] = []
            expr: ast.AST = node
            while isinstance(expr, ast.Attribute):
                parts.append(expr.attr)
                expr = expr.value
            if isinstance(expr, ast.Name) and expr.id not in imported:
                out.add(".".join([expr.id, *reversed(parts)]))
    return out


# ----------------------------------------------------------------------------- repo modules


class ModuleIndex:
    """Top-level names of the repository's own modules, to tell whether `from M import x` holds."""

    def __init__(self, root: Path, facts: dict[str, FileFacts]) -> None:
        self.root = root
        self.facts = facts  # relpath (to root) -> facts of the state being checked
        self._names: dict[str, set[str] | None] = {}

    def resolve(self, importer: str, module: str, level: int) -> str | None:
        """Relative path of the repo file a module name means for `importer`, else None."""
        parts = [p for p in module.split(".") if p]
        here = Path(importer).parent
        bases: list[Path]
        if level:
            base = here
            for _ in range(level - 1):
                base = base.parent
            bases = [base]
        else:
            # script-style (sys.path[0] = the script's dir) and package-style (the repo root)
            bases = [here, Path("."), *[p for p in here.parents if p != Path(".")]]
        for base in bases:
            cand = base.joinpath(*parts) if parts else base
            for rel in (cand.with_suffix(".py") if parts else None, cand / "__init__.py"):
                if rel is not None and str(rel) in self.facts:
                    return str(rel)
        return None

    def defined(self, rel: str) -> set[str] | None:
        """Names bound at module level in rel, or None when that cannot be known (star import...)."""
        if rel in self._names:
            return self._names[rel]
        f = self.facts.get(rel)
        names: set[str] | None = set()
        if f is None or f.tree is None:
            names = None
        else:
            for n in module_level_nodes(f.tree.body):
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    names.add(n.name)
                elif isinstance(n, (ast.Import, ast.ImportFrom)):
                    for a in n.names:
                        if a.name == "*":
                            names = None
                            break
                        names.add(a.asname or a.name.split(".")[0])
                elif isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
                    names.add(n.id)
                elif isinstance(n, ast.FunctionDef) and n.name == "__getattr__":
                    names = None
                if names is None:
                    break
            if names is not None:  # a package: its submodules are importable names
                p = Path(rel)
                if p.name == "__init__.py":
                    pkg = str(p.parent)
                    for other in self.facts:
                        op = Path(other)
                        if str(op.parent) == pkg and op.name != "__init__.py":
                            names.add(op.stem)
                        elif str(op.parent.parent) == pkg and op.name == "__init__.py":
                            names.add(op.parent.name)
        self._names[rel] = names
        return names

    def broken(self, importer: str) -> Counter:
        """(module, name) pairs the importer uses from repo modules that do not define them."""
        out: Counter = Counter()
        f = self.facts.get(importer)
        if f is None or f.tree is None:
            return out
        for module, name, level, _line in repo_module_uses(f.tree):
            rel = self.resolve(importer, module, level)
            if rel is None:
                continue
            names = self.defined(rel)
            if names is not None and name not in names:
                out[(module, name)] += 1
        return out

    def star_undefined(self, importer: str) -> list[str]:
        """Names pyflakes saw used through star imports that no star-imported repo module defines."""
        f = self.facts.get(importer)
        if f is None:
            return []
        bad: list[str] = []
        for name, modules in f.star_used.items():
            known: list[set[str]] = []
            for m in modules:
                level = len(m) - len(m.lstrip("."))
                rel = self.resolve(importer, m.lstrip("."), level)
                names = self.defined(rel) if rel else None
                if names is None:  # an outside module or one we cannot read: assume it defines it
                    known = []
                    break
                known.append(names)
            if known and not any(name in k for k in known):
                bad.append(name)
        return sorted(bad)


def module_level_nodes(body: list[ast.stmt]):
    """Nodes that bind module-level names: statements and targets, not inside defs or classes."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for child in ast.iter_child_nodes(stmt):
            if isinstance(child, ast.stmt):
                yield from module_level_nodes([child])
            elif isinstance(child, ast.excepthandler):
                if child.name:
                    yield ast.Name(id=child.name, ctx=ast.Store())
                yield from module_level_nodes(child.body)
            else:
                for n in ast.walk(child):
                    if isinstance(n, ast.Name):
                        yield n


# ----------------------------------------------------------------------------- one repository


def py_files(root: Path) -> list[Path]:
    out: list[Path] = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS)
        out += [Path(d) / f for f in sorted(files) if f.endswith(".py") and not (Path(d) / f).is_symlink()]
    return out


def snapshot(root: Path, subdir: str, cache: dict[str, FileFacts]) -> tuple[dict[str, bytes], dict[str, FileFacts]]:
    """Bytes and facts of every .py file under root/subdir (relpaths to root); facts cached by hash."""
    texts: dict[str, bytes] = {}
    facts: dict[str, FileFacts] = {}
    for p in py_files(root / subdir):
        rel = str(p.relative_to(root))
        data = p.read_bytes()
        texts[rel] = data
        key = hashlib.sha1(data).hexdigest()
        if key not in cache:
            cache[key] = file_facts(data, rel)
        facts[rel] = cache[key]
    return texts, facts


def source_state(cmd: list[str]) -> str:
    """Commit of the checkout migrate runs from (default command only), `+dirty` if migrate/ has edits."""
    if not cmd or not cmd[0].startswith(str(REPO_ROOT)) and cmd[1:3] != ["-m", "migrate"]:
        return "?"
    try:
        head = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--", "migrate"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return head + ("+dirty" if dirty else "")


def absolute_token(tok: str) -> str:
    """Relative paths (also in `VAR=path`) made absolute: migrate runs inside the repository copy."""
    var, eq, value = tok.rpartition("=") if "=" in tok and not tok.startswith("-") else ("", "", tok)
    if "/" in value and not os.path.isabs(value) and os.path.exists(value):
        value = os.path.abspath(value)
    return f"{var}{eq}{value}"


def migrate_command(arg: str | None) -> list[str]:
    if arg:
        return [absolute_token(t) for t in shlex.split(arg)]
    exe = REPO_ROOT / ".venv" / "bin" / "migrate"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "migrate"]


def run(cmd: list[str], cwd: Path, timeout: float) -> tuple[int | str, float, str]:
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=timeout)
        rc: int | str = proc.returncode
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    except subprocess.TimeoutExpired:
        rc, err = "timeout", [f"timed out after {timeout:.0f}s"]
    return rc, time.perf_counter() - t0, (err[-1] if err else "")


def line_map(before: bytes, after: bytes) -> dict[int, int]:
    """Output line -> input line (1-based): equal lines, and lines of a replaced block by their
    offset in it (an upgraded `tf.x` -> `tf.compat.v1.x` line maps to the line it came from)."""
    a = before.decode("utf-8", "replace").splitlines()
    b = after.decode("utf-8", "replace").splitlines()
    mapping: dict[int, int] = {}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("equal", "replace"):
            for j in range(j1, j2):
                mapping[j + 1] = i1 + min(j - j1, i2 - i1 - 1) + 1
    return mapping


def report_rel(path: str, root: Path) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            return str(p.resolve().relative_to(root.resolve()))
        except ValueError:
            return str(p)
    return os.path.normpath(path)


@dataclass
class RepoResult:
    name: str
    slug: str
    set: str
    subdir: str
    status: str = "ok"  # ok | not-fetched | export-failed | migrate-failed | error
    error: str = ""
    commit: str = ""
    py_files: int = 0
    unparsable_before: int = 0
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    eliminated_pct: float | None = None
    functions_converted: int = 0
    files_changed: int = 0
    report_status: dict = field(default_factory=dict)
    internal_errors: int = 0  # files the report marks internal-error: migrate crashed on them
    verification_failed: int = 0  # of those, files its own verification stage refused
    codes_noninfo: dict = field(default_factory=dict)
    codes_info: dict = field(default_factory=dict)
    broke_parse: list = field(default_factory=list)
    new_undefined: list = field(default_factory=list)  # [file, name, count]
    new_broken_imports: list = field(default_factory=list)  # [file, module, name, count]
    new_missing_tf2: list = field(default_factory=list)  # [file, tf.name, line]: gained, in changed files
    uncovered_left: list = field(default_factory=list)  # [file, line, call]: no diagnostic on its line
    # no warning/error on its line nor on an enclosing def / class / with line
    unexplained_left: list = field(default_factory=list)
    migrate_rc: int | str | None = None
    migrate_seconds: float | None = None
    migrate_stderr: str = ""
    check_rc: int | str | None = None
    check_seconds: float | None = None
    second_run_changes: list | None = None  # files a second run would still change
    measure_seconds: float | None = None


def bench_repo(entry: RepoEntry, args: argparse.Namespace, cmd: list[str]) -> RepoResult:
    res = RepoResult(entry.name, entry.slug, entry.set, entry.subdir)
    try:
        info = export(entry, args.mirror_root, args.repos_dir)
        res.commit = info.get("commit", "")[:12]
    except RuntimeError as e:
        res.status, res.error = "not-fetched", str(e)
        return res
    except (subprocess.CalledProcessError, OSError, ValueError) as e:
        res.status, res.error = "export-failed", f"{type(e).__name__}: {e}"
        return res
    src_tree = args.repos_dir / entry.name
    if not (src_tree / entry.subdir).is_dir():
        res.status, res.error = "export-failed", f"no {entry.subdir} in the export"
        return res
    with tempfile.TemporaryDirectory(prefix=f"bench-{entry.name}-") as tmp_s:
        tmp = Path(tmp_s)
        work = tmp / entry.name
        shutil.copytree(src_tree, work, symlinks=True, ignore=shutil.ignore_patterns(EXPORT_STAMP))
        cache: dict[str, FileFacts] = {}
        t0 = time.perf_counter()
        texts0, facts0 = snapshot(work, entry.subdir, cache)
        measure = time.perf_counter() - t0

        report_path = tmp / "report.json"
        run_cmd = [*cmd, "run", entry.subdir, "--report", str(report_path), "-j", str(args.jobs), "--no-progress"]
        res.migrate_rc, secs, res.migrate_stderr = run(run_cmd, work, args.timeout)
        res.migrate_seconds = round(secs, 2)
        if res.migrate_rc not in (0, 1):
            res.status = "migrate-failed"
        report: dict = {}
        if report_path.is_file():
            try:
                report = json.loads(report_path.read_text())
            except ValueError as e:
                res.status, res.error = "migrate-failed", f"report is not JSON: {e}"

        t0 = time.perf_counter()
        texts1, facts1 = snapshot(work, entry.subdir, cache)
        measure += time.perf_counter() - t0
        if res.migrate_rc != "timeout":
            report2 = tmp / "report2.json"
            res.check_rc, secs, _ = run([*cmd, "run", "--check", "-q", "-j", str(args.jobs),
                                         "--report", str(report2), entry.subdir], work, args.timeout)
            res.check_seconds = round(secs, 2)
            try:
                files2 = json.loads(report2.read_text()).get("files", [])
                res.second_run_changes = [report_rel(str(f.get("path")), work) for f in files2
                                          if f.get("status") == "changed"]
            except (OSError, ValueError, AttributeError):
                res.second_run_changes = None
        t0 = time.perf_counter()
        compare(res, work, texts0, facts0, texts1, facts1, report)
        res.measure_seconds = round(measure + time.perf_counter() - t0, 2)
    return res


def compare(res: RepoResult, work: Path, texts0: dict[str, bytes], facts0: dict[str, FileFacts],
            texts1: dict[str, bytes], facts1: dict[str, FileFacts], report: dict) -> None:
    res.py_files = len(texts0)
    res.unparsable_before = sum(not f.parsed for f in facts0.values())
    before = Counter(k for f in facts0.values() for k, *_ in f.sites)
    after = Counter(k for rel, f in facts1.items() for k, *_ in f.sites)
    # An unparsable file keeps its calls; census' regex count would add them, we count parsed only.
    res.before, res.after = dict(before), dict(after)
    total0, total1 = sum(before.values()), sum(after.values())
    res.eliminated_pct = None if total0 == 0 else round(100 * (total0 - total1) / total0, 1)
    res.files_changed = sum(texts1.get(rel) != data for rel, data in texts0.items())

    diag_lines: dict[str, set[int]] = {}  # any diagnostic
    reason_lines: dict[str, set[int]] = {}  # non-info diagnostics
    named: list[tuple[str, int, int]] = []  # (file, line, line of the warning its info names)
    noninfo: Counter = Counter()
    info: Counter = Counter()
    status: Counter = Counter()
    for f in report.get("files", []) if isinstance(report, dict) else []:
        rel = report_rel(str(f.get("path", "")), work)
        status[str(f.get("status", "?"))] += 1
        res.functions_converted += len(f.get("functions") or [])
        if f.get("reason"):
            noninfo[f"file:{f['reason']}"] += 1
        internal = [d for d in f.get("diagnostics") or [] if d.get("code") == "internal-error"]
        if internal or f.get("reason") == "internal-error":
            res.internal_errors += 1
            res.verification_failed += any("verification" in str(d.get("message", "")) for d in internal)
        for d in f.get("diagnostics") or []:
            (info if d.get("severity") == "info" else noninfo)[d.get("code", "?")] += 1
            drel = report_rel(str(d.get("path") or f.get("path", "")), work)
            for target in {drel, rel}:
                diag_lines.setdefault(target, set()).add(int(d.get("line") or 0))
                if d.get("severity") != "info":
                    reason_lines.setdefault(target, set()).add(int(d.get("line") or 0))
                else:
                    m = NAMED_REASON.search(str(d.get("message", "")))
                    if m:  # "... was not converted (unsupported-call at line 459)"
                        named.append((target, int(d.get("line") or 0), int(m.group(2))))
    # an info note on the line that names a warning of the same file by its line explains it
    for target, line, reason_line in named:
        if reason_line in reason_lines.get(target, set()):
            reason_lines[target].add(line)
    res.report_status = dict(status)
    res.codes_noninfo = dict(noninfo.most_common())
    res.codes_info = dict(info.most_common())

    idx0 = ModuleIndex(work, facts0)
    idx1 = ModuleIndex(work, facts1)
    for rel, f1 in sorted(facts1.items()):
        f0 = facts0.get(rel)
        if f0 is None:
            continue
        if f0.parsed and not f1.parsed:
            res.broke_parse.append(rel)
            continue
        if not f1.parsed:
            continue
        gained = f1.undefined - f0.undefined
        star_bad = set(idx1.star_undefined(rel)) - set(idx0.star_undefined(rel))
        for name in sorted(star_bad):
            gained[f"{name} (star import)"] += 1
        res.new_undefined += [[rel, name, n] for name, n in sorted(gained.items())]
        broken = idx1.broken(rel) - idx0.broken(rel)
        res.new_broken_imports += [[rel, m, name, n] for (m, name), n in sorted(broken.items())]
        if texts1[rel] != texts0[rel]:
            # by name and by spelling: `tf.moments` (missing in both TFs) under an import switched
            # from tensorflow.compat.v1 to tensorflow is not this run's doing
            # (also any chain the input wrote the same way, its `tf` from a star import: BEGAN)
            written_before = set(f0.tf_missing_spelled.values()) | written_chains(f0.tree)
            res.new_missing_tf2 += [[rel, name, line] for name, line in sorted(f1.tf_missing.items())
                                    if name not in f0.tf_missing and f1.tf_missing_spelled[name] not in written_before]
        # Leftover calls: covered by a diagnostic on their line (output line, or the input line it
        # came from when the file changed).
        lines = diag_lines.get(rel, set())
        reasons = reason_lines.get(rel, set())
        mapping = line_map(texts0[rel], texts1[rel]) if texts1[rel] != texts0[rel] else None

        def hit(out_line: int, wanted: set[int]) -> bool:
            src_line = mapping.get(out_line) if mapping is not None else out_line
            return out_line in wanted or (src_line is not None and src_line in wanted)

        for kind, line, outer in f1.sites:
            if not hit(line, lines):
                res.uncovered_left.append([rel, line, kind])
            if not any(hit(x, reasons) for x in (line, *outer)):
                res.unexplained_left.append([rel, line, kind])


# ----------------------------------------------------------------------------- output


def totals(rows: list[RepoResult]) -> dict:
    ok = [r for r in rows if r.status == "ok"]
    b = sum(sum(r.before.values()) for r in ok)
    a = sum(sum(r.after.values()) for r in ok)
    return {
        "repos": len(rows), "ok": len(ok),
        "calls_before": b, "calls_after": a,
        "eliminated_pct": None if b == 0 else round(100 * (b - a) / b, 1),
        "repos_with_functions": sum(r.functions_converted > 0 for r in ok),
        "functions_converted": sum(r.functions_converted for r in ok),
        "files_changed": sum(r.files_changed for r in ok),
        "broke_parse": sum(len(r.broke_parse) for r in ok),
        "new_undefined": sum(n for r in ok for *_, n in r.new_undefined),
        "new_broken_imports": sum(n for r in ok for *_, n in r.new_broken_imports),
        "new_missing_tf2": sum(len(r.new_missing_tf2) for r in ok),
        "uncovered_left": sum(len(r.uncovered_left) for r in ok),
        "unexplained_left": sum(len(r.unexplained_left) for r in ok),
        "internal_errors": sum(r.internal_errors for r in rows),
        "verification_failed": sum(r.verification_failed for r in rows),
        "second_run_clean": sum(r.check_rc == 0 for r in ok),
        "second_run_idempotent": sum(r.second_run_changes == [] for r in ok),
        "migrate_seconds": round(sum(r.migrate_seconds or 0 for r in rows), 1),
    }


def fmt_pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}%"


def second_run(r: RepoResult) -> str:
    """`clean` when --check exits 0; else how many files a second run would still change."""
    if r.check_rc is None:
        return "-"
    if r.check_rc == 0:
        return "clean"
    if r.second_run_changes:
        return f"{len(r.second_run_changes)} files"
    return f"rc {r.check_rc}, 0 files" if r.second_run_changes == [] else f"rc {r.check_rc}"


def markdown(rows: list[RepoResult], meta: dict) -> str:
    out = ["# Real-repository benchmark\n", f"migrate: `{meta['migrate_cmd']}` ({meta['source']}); {meta['date']}; "
           f"{meta['cpus']} cpus; jobs {meta['jobs']}; {meta['total_seconds']} s in all\n"]
    cols = ["repo", "set", ".py", "vs b/a", "gv b/a", "eliminated", "funcs", "changed", "int. err (verif.)", "broke parse",
            "new undef", "broken imp", "missing tf2", "uncovered", "unexplained", "2nd run", "time s", "status"]
    out += ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    for r in rows:
        vs = f"{r.before.get('variable_scope', 0)}/{r.after.get('variable_scope', 0)}"
        gv = f"{r.before.get('get_variable', 0)}/{r.after.get('get_variable', 0)}"
        status = r.status if r.status == "ok" else f"**{r.status}** {r.error or r.migrate_stderr}"[:80]
        cells = [r.name, r.set, r.py_files, vs, gv, fmt_pct(r.eliminated_pct), r.functions_converted,
                 r.files_changed, f"{r.internal_errors} ({r.verification_failed})" if r.internal_errors else 0,
                 len(r.broke_parse), sum(n for *_, n in r.new_undefined),
                 sum(n for *_, n in r.new_broken_imports), len(r.new_missing_tf2), len(r.uncovered_left),
                 len(r.unexplained_left),
                 second_run(r), "-" if r.migrate_seconds is None else r.migrate_seconds,
                 status.replace("|", "/")]
        out.append("| " + " | ".join(str(c) for c in cells) + " |")
    out.append("")
    cols = ["set", "repos ok", "calls before → after", "eliminated", "repos with funcs", "funcs",
            "int. err (verif.)", "broke parse", "new undef", "broken imp", "missing tf2", "uncovered", "unexplained",
            "2nd run clean", "migrate s"]
    out += ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    for label in sorted({r.set for r in rows}) + ["all"]:
        t = totals([r for r in rows if label in ("all", r.set)])
        cells = [label, f"{t['ok']}/{t['repos']}", f"{t['calls_before']} → {t['calls_after']}",
                 fmt_pct(t["eliminated_pct"]), t["repos_with_functions"], t["functions_converted"],
                 f"{t['internal_errors']} ({t['verification_failed']})", t["broke_parse"], t["new_undefined"], t["new_broken_imports"],
                 t["new_missing_tf2"], t["uncovered_left"],
                 t["unexplained_left"], t["second_run_clean"], t["migrate_seconds"]]
        out.append("| " + " | ".join(str(c) for c in cells) + " |")
    out.append(
        "\nvs/gv b/a: `variable_scope` / `get_variable` calls before/after (AST, files that parse); "
        "int. err: files with an internal-error (in parentheses: refused by migrate's verification); "
        "new undef: pyflakes undefined names gained (plus star-imported names the repo module no longer "
        "defines); broken imp: `from M import x` / `M.x` on a repo module lacking x, gained; missing tf2: "
        "`tf.*` names the installed TF2 API lacks, gained in a changed file; uncovered: "
        "calls left with no diagnostic on their line; unexplained: no warning/error on their line nor on "
        "an enclosing def/class/with line, nor an info note on their line naming one ('(code at line N)'); 2nd run: `migrate run --check` after the run.\n")
    out.append("## Reason codes per repo\n")
    out.append("| repo | non-info | info |")
    out.append("|---|---|---|")
    for r in rows:
        ni = ", ".join(f"{c} {n}" for c, n in r.codes_noninfo.items()) or "-"
        inf = ", ".join(f"{c} {n}" for c, n in r.codes_info.items()) or "-"
        out.append(f"| {r.name} | {ni} | {inf} |")
    kinds = ("broke parse", "new undefined", "broken import", "missing tf2", "second run changes", "unexplained",
             "uncovered")
    per_kind: dict[str, list[str]] = {k: [] for k in kinds}
    for r in rows:
        for kind, items in (("broke parse", [[x] for x in r.broke_parse]), ("new undefined", r.new_undefined),
                            ("broken import", r.new_broken_imports), ("missing tf2", r.new_missing_tf2),
                            ("second run changes", [[x] for x in r.second_run_changes or []]),
                            ("unexplained", r.unexplained_left), ("uncovered", r.uncovered_left)):
            per_kind[kind] += [f"- {r.name}: " + " ".join(str(x) for x in item) for item in items]
    for kind in kinds:
        if per_kind[kind]:
            shown = per_kind[kind][:FINDINGS_SHOWN]
            more = len(per_kind[kind]) - len(shown)
            out.append(f"\n## {kind} ({len(per_kind[kind])})\n")
            out += shown + ([f"- ... {more} more in repos.json"] if more > 0 else [])
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repos-dir", type=Path, default=DEFAULT_REPOS_DIR,
                    help="exported work trees, one dir per repo name (created from the mirrors)")
    ap.add_argument("--mirror-root", type=Path, default=DEFAULT_MIRROR_ROOT)
    ap.add_argument("--list", type=Path, default=DEFAULT_LIST, help="repos.txt")
    ap.add_argument("--only", help="comma-separated repo names")
    ap.add_argument("--set", dest="only_set", help="only this set (design, heldout)")
    ap.add_argument("--migrate-cmd", help="command prefix (default: .venv/bin/migrate)")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per migrate run")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where repos.md / repos.json go")
    args = ap.parse_args(argv)

    try:
        import pyflakes  # noqa: F401
    except ImportError:
        print("pyflakes is a benchmark-only dependency: .venv/bin/pip install pyflakes", file=sys.stderr)
        return 2
    entries = read_list(args.list)
    if args.only:
        wanted = set(args.only.split(","))
        entries = [e for e in entries if e.name in wanted]
    if args.only_set:
        entries = [e for e in entries if e.set == args.only_set]
    if not entries:
        print("no repository selected", file=sys.stderr)
        return 2
    cmd = migrate_command(args.migrate_cmd)
    state = source_state(cmd)  # before the run: the tree may change under a long benchmark
    args.repos_dir.mkdir(parents=True, exist_ok=True)
    rows: list[RepoResult] = []
    t_all = time.perf_counter()
    for e in entries:
        print(f"{e.name:<18} ", end="", file=sys.stderr, flush=True)
        try:
            r = bench_repo(e, args, cmd)
        except Exception as exc:  # a benchmark row, never a crash of the whole run
            r = RepoResult(e.name, e.slug, e.set, e.subdir, status="error", error=f"{type(exc).__name__}: {exc}")
        rows.append(r)
        print(f"{r.status:<14} elim {fmt_pct(r.eliminated_pct):>6}  funcs {r.functions_converted:>3}  "
              f"migrate {r.migrate_seconds}s  {r.error}", file=sys.stderr, flush=True)
    meta = {"migrate_cmd": " ".join(cmd), "source": state, "date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(),
            "jobs": args.jobs, "total_seconds": round(time.perf_counter() - t_all, 1)}
    args.out.mkdir(parents=True, exist_ok=True)
    gi = args.out / ".gitignore"
    if not gi.exists():
        gi.write_text("*\n")  # outputs are measurements of other people's code: never committed
    md = markdown(rows, meta)
    (args.out / "repos.md").write_text(md)
    data = {"meta": meta, "totals": {s: totals([r for r in rows if s in ("all", r.set)])
                                     for s in sorted({r.set for r in rows}) + ["all"]},
            "repos": [asdict(r) for r in rows]}
    (args.out / "repos.json").write_text(json.dumps(data, indent=2) + "\n")
    print(md)
    print(f"wrote {args.out / 'repos.md'} and {args.out / 'repos.json'} in {meta['total_seconds']}s", file=sys.stderr)
    # Figures from a run whose work did not happen are not figures: say so in the exit status.
    failed = [r.name for r in rows if r.status != "ok"]
    crashed = [r.name for r in rows if r.internal_errors]
    if failed or crashed:
        print(f"FAILED: not ok: {', '.join(failed) or '-'}; internal errors in: {', '.join(crashed) or '-'}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
