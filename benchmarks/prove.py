#!/usr/bin/env python3
"""Prove real repositories' model entry points with `migrate check` (issue 10, item 6).

For each `[[repo]]` of benchmarks/prove.toml this

1. copies /work/repos/<name> twice into a temp dir: `legacy/` (never touched) and `migrated/`;
2. runs `migrate run <run...> --report report.json` in `migrated/`, in place, as a user would;
3. writes a pyproject.toml whose `[[tool.migrate.entry_points]]` pair `legacy/<file>:<target>`
   with `migrated/<file>[:<class>]` (inputs, args, init_args and setup hooks from the config;
   setup paths are relative to benchmarks/), and runs `migrate check --config it --json` there,
   with benchmarks/prove_setup/stubs on PYTHONPATH (stand-ins for third-party modules a repo
   imports at top level but the entry point never uses: horovod, scipy, ...);
4. prints (and writes to --out) one row per entry point: repo, entry point, converted (the class
   the run report lists for it, or why not: the diagnostics on the function), verdict, reason.

An entry point counts as **proven** only when the run converted it and the checker says
equivalent; an unconverted one checked equivalent is listed as such (the file kept TF1 with
compat renames) but not counted.

It stops with an error (exit 2) when its own work does not run: a repository missing, `migrate
run` crashing (exit 2, or an internal-error on an entry point's file: that row is "crash" and
not checked), `migrate check` printing no JSON. A checker verdict `error` (a side could
not run the entry point) is a failure of the check, not a verdict: the run exits 1 then, after
printing the table.

Usage:
  .venv/bin/python benchmarks/prove.py [--only glow,DCGAN] [--keep DIR] [--out FILE.md]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
DEFAULT_CONFIG = HERE / "prove.toml"
DEFAULT_REPOS_DIR = Path("/work/repos")
DEFAULT_OUT = HERE / "out" / "prove.md"
STUBS = HERE / "prove_setup" / "stubs"
SKIP_DIRS = {".git", "__pycache__"}
ENTRY_KEYS = {"legacy", "migrated", "inputs", "args", "init_args", "setup", "tf_function", "note"}


class ProveError(RuntimeError):
    """prove.py's own work did not run (exit 2): never reported as a verdict."""


@dataclass
class Row:
    repo: str
    entry: str  # file:target
    converted: str  # the class, or "no"
    verdict: str  # equivalent | not equivalent | error
    reason: str = ""
    why_not_converted: str = ""
    note: str = ""

    @property
    def proven(self) -> bool:
        return self.converted != "no" and self.verdict == "equivalent"


@dataclass
class RepoConfig:
    name: str
    run: list[str]
    entries: list[dict[str, Any]] = field(default_factory=list)


# ----------------------------------------------------------------------------- config


def read_config(path: Path) -> list[RepoConfig]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    repos = []
    for i, table in enumerate(data.get("repo", [])):
        where = f"{path.name}: [[repo]] #{i + 1}"
        if "name" not in table:
            raise ProveError(f"{where} has no name")
        run = table.get("run", ["."])
        run = [run] if isinstance(run, str) else list(run)
        entries = list(table.get("entry_points", []))
        for entry in entries:
            unknown = set(entry) - ENTRY_KEYS
            if unknown or "legacy" not in entry:
                raise ProveError(f"{where} ({table['name']}): entry {entry.get('legacy')!r}: "
                                 f"needs legacy; unknown keys {sorted(unknown)}")
        repos.append(RepoConfig(table["name"], run, entries))
    return repos


# ----------------------------------------------------------------------------- one repository


def _copy(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True,
                    ignore=lambda _d, names: [n for n in names if n in SKIP_DIRS])


MIGRATE_SRC: Path | None = None  # --migrate-src: run `migrate run` from this source tree
REUSE = False  # --reuse: check the copies a --keep run left, without migrating again


def migrate_in_place(tree: Path, run: list[str], report: Path) -> dict[str, Any]:
    """`migrate run RUN... --report` in `tree`; the report (exit 1 = some file error: data)."""
    cmd = [str(REPO_ROOT / ".venv" / "bin" / "python"), "-m", "migrate", "run", *run,
           "--report", str(report), "--no-progress", "-q"]
    env = dict(os.environ)
    env["PYTHONPATH"] = str(MIGRATE_SRC or REPO_ROOT)
    proc = subprocess.run(cmd, cwd=tree, capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1) or not report.exists():
        raise ProveError(f"migrate run crashed in {tree} (exit {proc.returncode}):\n"
                         f"{proc.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def converted_functions(report: dict[str, Any], run_root: Path, tree: Path) -> dict[tuple[str, str], str]:
    """(path relative to the repository, legacy qualified name) -> class, from the run report."""
    found = {}
    for item in report.get("files", []):
        path = Path(item["path"])
        if not path.is_absolute():
            path = run_root / path
        rel = os.path.relpath(path.resolve(), tree.resolve())
        for fn in item.get("functions") or []:
            found[(rel, fn["legacy_name"])] = fn["class_name"]
    return found


def diagnostics_for(report: dict[str, Any], run_root: Path, tree: Path, rel: str,
                    target: str, legacy_tree: Path) -> str:
    """Why `target` (a function, Class or Class.method) was not converted: the non-info
    diagnostics inside its definition, or the file's status."""
    span = _definition_span(legacy_tree / rel, target)
    for item in report.get("files", []):
        path = Path(item["path"])
        if not path.is_absolute():
            path = run_root / path
        if os.path.relpath(path.resolve(), tree.resolve()) != rel:
            continue
        codes = []
        for diag in item.get("diagnostics", []):
            if diag.get("severity") == "info":
                continue
            line = diag.get("line") or 0
            if span is None or span[0] <= line <= span[1]:
                codes.append(f"{diag['code']} (line {line}): {diag['message']}")
        if codes:
            return "; ".join(dict.fromkeys(codes))
        return f"file {item['status']}{': ' + item['reason'] if item.get('reason') else ''}"
    return "file not in the run"


def _is_function(path: Path, target: str) -> bool:
    """`target` is a top-level function of the file (not a class, not Class.method)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError):
        return False
    return any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == target for n in tree.body)


def _definition_span(path: Path, target: str) -> tuple[int, int] | None:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError):
        return None
    scope: list[ast.stmt] = tree.body
    node: ast.AST | None = None
    for part in target.split("."):
        node = next((n for n in scope if isinstance(n, (ast.FunctionDef, ast.ClassDef,
                                                          ast.AsyncFunctionDef))
                     and n.name == part), None)
        if node is None:
            return None
        scope = node.body
    assert node is not None
    return node.lineno, node.end_lineno or node.lineno


def _is_converted(converted: dict[tuple[str, str], str], rel: str, target: str) -> str:
    """The class the target became, or "" (a class entry counts when any of its methods did; a
    getter `Class.method` when its class's constructor did: BERT's get_pooled_output returns what
    the converted constructor computed)."""
    if (rel, target) in converted:
        return converted[(rel, target)]
    owner = target.rsplit(".", 1)[0]
    if "." in target and (rel, f"{owner}.__init__") in converted:
        return converted[(rel, f"{owner}.__init__")]
    prefix = target + "."
    classes = [c for (path, name), c in converted.items() if path == rel and name.startswith(prefix)]
    return ", ".join(classes)


def check_repo(repo: RepoConfig, repos_dir: Path, workdir: Path) -> list[Row]:
    source = repos_dir / repo.name
    if not source.is_dir():
        raise ProveError(f"{source} does not exist (export it with benchmarks/repos.py)")
    legacy_tree, migrated_tree = workdir / "legacy", workdir / "migrated"
    if REUSE and (workdir / "report.json").exists():  # --reuse: the kept copies and report
        report = json.loads((workdir / "report.json").read_text(encoding="utf-8"))
    else:
        for tree in (legacy_tree, migrated_tree):
            if tree.exists():
                shutil.rmtree(tree)
        _copy(source, legacy_tree)
        _copy(source, migrated_tree)
        report = migrate_in_place(migrated_tree, repo.run, workdir / "report.json")
    converted = converted_functions(report, migrated_tree, migrated_tree)

    points: list[tuple[Row, dict[str, Any]]] = []
    rows: list[Row] = []
    for spec in repo.entries:
        rel, _, target = spec["legacy"].partition(":")
        klass = _is_converted(converted, rel, target)
        # a function's class as the run named it (bert's layer_norm beside contrib's: LayerNorm_2)
        migrated_target = spec.get("migrated", f"{rel}:{klass}" if klass and _is_function(legacy_tree / rel, target)
                                   else rel)
        row = Row(repo.name, spec["legacy"], klass or "no", "", note=spec.get("note", ""))
        crash = _internal_error(report, migrated_tree, rel)
        if crash:
            row.verdict, row.reason = "crash", f"migrate run: {crash}"
            rows.append(row)
            continue
        if not klass:
            row.why_not_converted = diagnostics_for(report, migrated_tree, migrated_tree, rel,
                                                    target, legacy_tree)
        rows.append(row)
        point: dict[str, Any] = {"legacy": f"legacy/{spec['legacy']}",
                                 "migrated": f"migrated/{migrated_target}",
                                 "label": f"{repo.name}:{spec['legacy']}"}
        for key in ("inputs", "args", "init_args", "tf_function"):
            if key in spec:
                point[key] = spec[key]
        if "setup" in spec:
            point["setup"] = str(HERE / spec["setup"])
        points.append((row, point))
    if not points:
        return rows
    entry_points = [point for _, point in points]
    (workdir / "pyproject.toml").write_text(
        _toml({"tool": {"migrate": {"entry_points": entry_points}}}), encoding="utf-8")
    verdicts = run_check(workdir)
    if len(verdicts) != len(points):
        raise ProveError(f"{repo.name}: migrate check gave {len(verdicts)} verdicts for "
                         f"{len(points)} entry points")
    for (row, _), verdict in zip(points, verdicts):
        row.verdict = verdict["status"]
        if verdict["status"] == "error":
            row.reason = verdict.get("error") or ""
        elif verdict["status"] != "equivalent":
            row.reason = "; ".join(verdict.get("problems") or [])
        notes = [n for n in verdict.get("notes") or [] if n]
        if notes and not row.reason:
            row.reason = "; ".join(notes)
    return rows


def _internal_error(report: dict[str, Any], tree: Path, rel: str) -> str:
    """The internal error `migrate run` hit on the entry's file ("" when none): a crash of the
    migration is not a verdict on the code."""
    for item in report.get("files", []):
        path = Path(item["path"])
        path = path if path.is_absolute() else tree / path
        if os.path.relpath(path.resolve(), tree.resolve()) == rel:
            return "; ".join(d["message"] for d in item.get("diagnostics", [])
                             if d.get("code") == "internal-error")
    return ""


def run_check(workdir: Path) -> list[dict[str, Any]]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(STUBS), env.get("PYTHONPATH")) if p)
    cmd = [str(REPO_ROOT / ".venv" / "bin" / "migrate"), "check", "--config",
           str(workdir / "pyproject.toml"), "--json", "--no-progress", "--tf-function",
           "--keep", str(workdir / "check")]
    proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, env=env)
    try:
        payload = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise ProveError(f"migrate check printed no JSON in {workdir} (exit {proc.returncode}):"
                         f"\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}") from None
    return payload["verdicts"]


# ----------------------------------------------------------------------------- output


def _toml(data: dict[str, Any]) -> str:
    """Just enough TOML for the generated pyproject (tables of strings, numbers, lists)."""
    lines: list[str] = []
    for point in data["tool"]["migrate"]["entry_points"]:
        lines.append("[[tool.migrate.entry_points]]")
        for key, value in point.items():
            lines.append(f"{key} = {_toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise ProveError(f"cannot write {value!r} as TOML")


def render(rows: list[Row], seconds: float) -> str:
    def cell(text: str, limit: int = 300) -> str:
        text = " ".join(text.split()).replace("|", "\\|")
        return text if len(text) <= limit else text[:limit] + "…"

    out = [f"# Real entry points proven with `migrate check` ({time.strftime('%Y-%m-%d %H:%M')} UTC, "
           f"{seconds:.0f} s)", "",
           "| repo | entry point | converted | verdict | reason |", "|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r.repo} | `{r.entry}` | {cell(r.converted, 60)} | "
                   f"{'**proven**' if r.proven else r.verdict} | {cell(r.reason)} |")
    out += ["", "## Proven per repository", "", "| repo | proven | converted | checked |",
            "|---|---|---|---|"]
    by_repo: dict[str, list[Row]] = {}
    for r in rows:
        by_repo.setdefault(r.repo, []).append(r)
    for name, group in by_repo.items():
        out.append(f"| {name} | {sum(r.proven for r in group)} | "
                   f"{sum(r.converted != 'no' for r in group)} | {len(group)} |")
    out.append(f"| **total** | **{sum(r.proven for r in rows)}** | "
               f"{sum(r.converted != 'no' for r in rows)} | {len(rows)} |")
    unconverted = [r for r in rows if r.converted == "no"]
    if unconverted:
        out += ["", "## Not converted, and why (the run's diagnostics on the definition)", ""]
        for r in unconverted:
            out.append(f"- {r.repo} `{r.entry}`: {cell(r.why_not_converted, 600)}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--repos-dir", type=Path, default=DEFAULT_REPOS_DIR)
    parser.add_argument("--only", help="comma-separated repository names")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--keep", type=Path, help="keep the copies, reports and check logs here")
    parser.add_argument("--migrate-src", type=Path,
                        help="run `migrate run` from this source tree (e.g. `git archive HEAD` "
                             "of a busy work tree); the checker always runs from this one")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: check the copies and report a previous --keep run "
                             "left (the checker or prove.toml changed, not the migration)")
    opts = parser.parse_args(argv)
    global MIGRATE_SRC, REUSE
    REUSE = bool(opts.reuse and opts.keep)
    MIGRATE_SRC = opts.migrate_src.resolve() if opts.migrate_src else None
    started = time.perf_counter()
    try:
        repos = read_config(opts.config)
        if opts.only:
            wanted = set(opts.only.split(","))
            repos = [r for r in repos if r.name in wanted]
        base = opts.keep or Path(tempfile.mkdtemp(prefix="migrate-prove-"))
        rows: list[Row] = []
        for repo in repos:
            workdir = base / repo.name
            if workdir.exists() and not REUSE:
                shutil.rmtree(workdir)
            workdir.mkdir(parents=True, exist_ok=True)
            if (workdir / "check").exists():
                shutil.rmtree(workdir / "check")
            t0 = time.perf_counter()
            rows += check_repo(repo, opts.repos_dir, workdir)
            print(f"{repo.name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        if not opts.keep:
            shutil.rmtree(base, ignore_errors=True)
    except ProveError as exc:
        print(f"prove.py: {exc}", file=sys.stderr)
        return 2
    text = render(rows, time.perf_counter() - started)
    print(text)
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    opts.out.write_text(text, encoding="utf-8")
    opts.out.with_suffix(".json").write_text(
        json.dumps([r.__dict__ | {"proven": r.proven} for r in rows], indent=1), encoding="utf-8")
    crashes = [r for r in rows if r.verdict == "crash"]
    if crashes:
        print(f"prove.py: migrate run crashed (internal-error) on the files of {len(crashes)} "
              "entry point(s)", file=sys.stderr)
        return 2
    errors = [r for r in rows if r.verdict == "error"]
    if errors:
        print(f"prove.py: {len(errors)} entry point(s) could not be checked (verdict error)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
