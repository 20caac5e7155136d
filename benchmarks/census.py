#!/usr/bin/env python3
"""Conversion census: how many variable_scope / get_variable calls does `migrate run` remove?

Per repository of a corpus (default /tmp/tf1-corpus/tf1, one sub-directory per repo, built by
benchmarks/corpus.py) this counts, by AST, the calls to `variable_scope` and `get_variable`
(tensorflow aliases resolved roughly: `import tensorflow as tf`, `tensorflow.compat.v1`,
`from tensorflow.python.ops import variable_scope as vs`, ...) in the input files, runs
`migrate run --out TMP --report REPORT.json` on the corpus, counts again in TMP, and prints
the share converted plus a histogram of the report's diagnostic reason codes.

Usage:
  .venv/bin/python benchmarks/census.py [CORPUS_DIR] [--jobs 2] [--report R.json] [--out DIR]
  .venv/bin/python benchmarks/census.py CORPUS_DIR --no-run --migrated DIR --report R.json
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path("/tmp/tf1-corpus/tf1")
TARGETS = ("variable_scope", "get_variable")
# Names that almost always mean tensorflow when their import could not be seen (star imports,
# conditional imports, `tf = tf.compat.v1` assignments ...).
TF_GUESSES = {"tf", "tf1", "tfv1", "tf_v1", "tfc", "vs", "variable_scope"}
REGEX = {t: re.compile(rf"(?<![\w.])(?:[\w.]+\.)?{t}\s*\(") for t in TARGETS}


# ----------------------------------------------------------------------------- counting


class _Counter(ast.NodeVisitor):
    def __init__(self) -> None:
        self.alias: dict[str, str] = {}  # local name -> dotted qualified name
        self.counts: Counter[str] = Counter()

    # imports anywhere in the file (rough: flow-insensitive)
    def visit_Import(self, node: ast.Import) -> None:
        for a in node.names:
            if a.asname:
                self.alias[a.asname] = a.name
            else:
                root = a.name.split(".")[0]
                self.alias.setdefault(root, root)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or not node.module:
            return
        for a in node.names:
            if a.name != "*":
                self.alias[a.asname or a.name] = f"{node.module}.{a.name}"

    def visit_Assign(self, node: ast.Assign) -> None:
        # tf = tf.compat.v1  /  vs = tf.variable_scope-module aliases
        q = self.qualify(node.value)
        if q and q.startswith("tensorflow"):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    self.alias[t.id] = q
        self.generic_visit(node)

    def qualify(self, node: ast.AST) -> str | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        root = self.alias.get(node.id)
        if root is None:
            root = "tensorflow?" if node.id in TF_GUESSES else node.id
        return ".".join([root, *reversed(parts)])

    def visit_Call(self, node: ast.Call) -> None:
        q = self.qualify(node.func)
        if q:
            last = q.rsplit(".", 1)[-1]
            if last in TARGETS and (q.startswith("tensorflow") or q == last):
                # `q == last`: a bare name whose import we did not see (from-import in a try, ...)
                self.counts[last] += 1
        self.generic_visit(node)


def count_calls(src: str) -> tuple[Counter[str], bool]:
    """Counts of each target call; second item False if the text did not parse (regex fallback)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(src)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Counter({t: len(REGEX[t].findall(src)) for t in TARGETS}), False
    v = _Counter()
    # two passes: aliases first (imports may follow their first use in a function body)
    for n in ast.walk(tree):
        if isinstance(n, ast.Import):
            v.visit_Import(n)
        elif isinstance(n, ast.ImportFrom):
            v.visit_ImportFrom(n)
    v.visit(tree)
    return v.counts, True


def read_text(p: Path) -> str:
    return p.read_bytes().decode("utf-8", "replace")


# ----------------------------------------------------------------------------- the census


@dataclass
class RepoRow:
    repo: str
    files: int = 0
    unparsable: int = 0  # input files Python's ast cannot parse (Python 2, ...): regex-counted
    missing_out: int = 0  # input files absent from the --out tree (counted as unchanged)
    before: Counter = field(default_factory=Counter)
    after: Counter = field(default_factory=Counter)
    status: Counter = field(default_factory=Counter)  # report file statuses
    codes: Counter = field(default_factory=Counter)  # report diagnostic reason codes
    functions: int = 0  # functions converted (report)

    def converted_share(self, target: str | None = None) -> float | None:
        keys = [target] if target else list(TARGETS)
        b = sum(self.before[k] for k in keys)
        a = sum(self.after[k] for k in keys)
        return None if b == 0 else (b - a) / b

    def to_json(self) -> dict:
        return {
            "repo": self.repo, "files": self.files, "unparsable": self.unparsable,
            "missing_out": self.missing_out, "before": dict(self.before), "after": dict(self.after),
            "converted_share": self.converted_share(),
            "converted_share_by_call": {t: self.converted_share(t) for t in TARGETS},
            "status": dict(self.status), "codes": dict(self.codes), "functions": self.functions,
        }


def py_files(root: Path) -> list[Path]:
    out: list[Path] = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        out += [Path(d) / f for f in sorted(files) if f.endswith(".py")]
    return out


def repo_of(rel: Path) -> str:
    return rel.parts[0] if len(rel.parts) > 1 else "."


def find_output(out_dir: Path, corpus: Path, rel: Path) -> Path | None:
    """`--out` keeps paths relative to the common root of the inputs; accept either layout."""
    for cand in (out_dir / rel, out_dir / corpus.name / rel):
        if cand.is_file():
            return cand
    return None


def iter_report_files(report: object):
    """Yield per-file dicts of a report, tolerating shapes other than {"files": [...]}."""
    if isinstance(report, dict):
        files = report.get("files")
        if isinstance(files, list):
            yield from (f for f in files if isinstance(f, dict))
            return
        if isinstance(files, dict):  # {"path": {...}}
            for path, f in files.items():
                if isinstance(f, dict):
                    yield {"path": path, **f}
            return
        for v in report.values():
            yield from iter_report_files(v)
    elif isinstance(report, list):
        for v in report:
            if isinstance(v, dict) and "path" in v:
                yield v
            else:
                yield from iter_report_files(v)


def report_repo(path: str, corpus: Path, repos: set[str]) -> str:
    p = Path(path)
    for base in (corpus, corpus.resolve()):
        try:
            return repo_of(p.relative_to(base) if p.is_absolute() else (Path.cwd() / p).relative_to(base))
        except ValueError:
            pass
    # relative to the common root of the inputs, or something else: first part naming a repo
    for part in p.parts:
        if part in repos:
            return part
    return "?"


def run_migrate(corpus: Path, out_dir: Path, report: Path, jobs: int, python: str,
                migrate_cmd: list[str] | None) -> tuple[int, float, str]:
    cmd = [*(migrate_cmd or [python, "-m", "migrate"]), "run", "--out", str(out_dir),
           "--report", str(report), "-j", str(jobs), "--no-progress", str(corpus)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    print("running: " + " ".join(cmd), file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, cwd=out_dir.parent)
    secs = time.perf_counter() - t0
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return proc.returncode, secs, (err[-1] if err else "")


def census(corpus: Path, out_dir: Path | None, report: dict | None) -> dict[str, RepoRow]:
    rows: dict[str, RepoRow] = {}
    for p in py_files(corpus):
        rel = p.relative_to(corpus)
        row = rows.setdefault(repo_of(rel), RepoRow(repo_of(rel)))
        row.files += 1
        src = read_text(p)
        before, parsed = count_calls(src)
        row.before.update(before)
        if not parsed:
            row.unparsable += 1
        outp = find_output(out_dir, corpus, rel) if out_dir else None
        if outp is None:
            row.missing_out += 1
            row.after.update(before)  # not written: unchanged
        else:
            after_src = read_text(outp)
            row.after.update(before if after_src == src else count_calls(after_src)[0])
    if report is not None:
        repos = set(rows)
        for f in iter_report_files(report):
            repo = report_repo(str(f.get("path", "")), corpus, repos)
            row = rows.setdefault(repo, RepoRow(repo))
            row.status[str(f.get("status", "?"))] += 1
            diags = f.get("diagnostics") or []
            codes = [d.get("code", "?") for d in diags if isinstance(d, dict)]
            row.codes.update(codes)
            if f.get("reason") and f.get("reason") not in codes:
                row.codes[str(f["reason"])] += 1  # file-level reason (parse-error, ...)
            row.functions += len(f.get("functions") or [])
    return rows


# ----------------------------------------------------------------------------- printing


def pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:5.1f}%"


def print_tables(rows: dict[str, RepoRow], have_report: bool, top: int) -> RepoRow:
    total = RepoRow("TOTAL")
    for r in rows.values():
        total.files += r.files
        total.unparsable += r.unparsable
        total.missing_out += r.missing_out
        total.functions += r.functions
        for a in ("before", "after", "status", "codes"):
            getattr(total, a).update(getattr(r, a))
    h = (f"{'repo':<24} {'files':>5} {'py2?':>4} {'vs in':>6} {'vs left':>7} {'gv in':>6} {'gv left':>7}"
         f" {'vs conv':>7} {'gv conv':>7} {'all conv':>8} {'funcs':>5}  {'changed/unch/skip/err':<21}")
    print(h)
    print("-" * len(h))
    for r in sorted(rows.values(), key=lambda r: r.repo.lower()) + [total]:
        if r is total:
            print("-" * len(h))
        st = "/".join(str(r.status[s]) for s in ("changed", "unchanged", "skipped", "error")) if have_report else "-"
        print(f"{r.repo[:24]:<24} {r.files:>5} {r.unparsable:>4} {r.before['variable_scope']:>6}"
              f" {r.after['variable_scope']:>7} {r.before['get_variable']:>6} {r.after['get_variable']:>7}"
              f" {pct(r.converted_share('variable_scope')):>7} {pct(r.converted_share('get_variable')):>7}"
              f" {pct(r.converted_share()):>8} {r.functions if have_report else '-':>5}  {st:<21}")
    print("vs = variable_scope(...) calls, gv = get_variable(...) calls (AST; py2? files regex-counted);"
          " conv = share of input calls gone after `migrate run --out`.")
    if total.missing_out:
        print(f"{total.missing_out} input file(s) had no counterpart in the --out tree (counted unchanged).")

    print()
    if not have_report:
        print("no report: no reason-code histogram")
        return total
    if not total.codes:
        print("reason codes: none in the report")
        return total
    print("diagnostic reason codes (overall)")
    width = max(len(c) for c in total.codes)
    peak = max(total.codes.values())
    for code, n in total.codes.most_common():
        bar = "#" * max(1, round(40 * n / peak))
        print(f"  {code:<{width}} {n:>6}  {bar}")
    print()
    print(f"reason codes per repo (top {top})")
    for r in sorted(rows.values(), key=lambda r: r.repo.lower()):
        if r.codes:
            print(f"  {r.repo[:24]:<24} " + ", ".join(f"{c}={n}" for c, n in r.codes.most_common(top)))
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                    help="directory with one sub-directory per repo (default /tmp/tf1-corpus/tf1)")
    ap.add_argument("--report", type=Path, help="report JSON (written by the run, or read with --no-run)")
    ap.add_argument("--out", type=Path, help="keep the migrated tree here (default: a temp dir)")
    ap.add_argument("--no-run", action="store_true", help="do not run migrate; use --migrated and --report")
    ap.add_argument("--migrated", type=Path, help="with --no-run: an existing `migrate run --out` tree")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--migrate-cmd", help="command prefix for migrate (default: PYTHON -m migrate)")
    ap.add_argument("--top", type=int, default=6, help="reason codes shown per repo")
    ap.add_argument("--json", type=Path, help="write the census to this JSON file")
    args = ap.parse_args(argv)

    corpus = args.corpus.resolve()
    if (corpus / "manifest.json").is_file() and (corpus / "tf1").is_dir():
        corpus = corpus / "tf1"  # given the corpus root (corpus.py output): use its tf1/ tree
    if not corpus.is_dir():
        print(f"no corpus at {corpus}: run benchmarks/corpus.py first", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="migrate-census-") as tmp_s:
        tmp = Path(tmp_s)
        meta: dict = {"corpus": str(corpus)}
        if args.no_run:
            out_dir = args.migrated
            report_path = args.report
        else:
            out_dir = args.out or tmp / "out"
            if out_dir.exists() and any(out_dir.iterdir()):
                print(f"--out {out_dir} exists and is not empty", file=sys.stderr)
                return 2
            report_path = args.report or tmp / "report.json"
            rc, secs, last = run_migrate(corpus, out_dir, report_path, args.jobs, args.python,
                                         args.migrate_cmd.split() if args.migrate_cmd else None)
            meta.update(migrate_returncode=rc, migrate_seconds=round(secs, 2), migrate_last_stderr=last)
            print(f"migrate run --out: rc={rc} in {secs:.1f}s  {last}", file=sys.stderr)
            if rc not in (0, 1):
                print("warning: migrate failed; counting what it left (if anything)", file=sys.stderr)
        report = None
        if report_path and report_path.exists():
            try:
                report = json.loads(report_path.read_text())
            except ValueError as e:
                print(f"warning: report {report_path} is not JSON: {e}", file=sys.stderr)
        elif report_path:
            print(f"warning: no report at {report_path}", file=sys.stderr)
        if out_dir is None or not out_dir.is_dir():
            print("warning: no migrated tree: 'left' counts equal the input counts", file=sys.stderr)
            out_dir = None

        rows = census(corpus, out_dir, report)
        print(f"\ncensus of {corpus}" + (f"  (migrate rc={meta.get('migrate_returncode')},"
                                          f" {meta.get('migrate_seconds')}s)" if not args.no_run else ""))
        total = print_tables(rows, report is not None, args.top)
        if args.json:
            args.json.write_text(json.dumps({"meta": meta, "repos": [r.to_json() for r in rows.values()],
                                             "total": total.to_json()}, indent=2) + "\n")
            print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
