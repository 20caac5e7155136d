#!/usr/bin/env python3
"""Which `tf.contrib` names the upgrade stage cannot map, and which arg_scope / add_arg_scope sites
real code has: a census over dry-run reports (`migrate run --dry-run --report R.json`) and the
repositories' sources.

Usage: .venv/bin/python benchmarks/contrib_census.py [REPORT_DIR=/tmp/rep] [REPOS_DIR=/work/repos]
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter
from pathlib import Path

_NAME = re.compile(r"`(tf\.contrib[\w.]*)`")


def report_census(report_dir: Path) -> tuple[Counter, Counter]:
    """(contrib errors by name, implicit-creator reports by API) over every report."""
    contrib, implicit = Counter(), Counter()
    for report in sorted(report_dir.glob("*.json")):
        for entry in json.loads(report.read_text()).get("files", []):
            for d in entry.get("diagnostics", []):
                if d.get("code") == "contrib":
                    m = _NAME.search(d.get("message", ""))
                    contrib[m.group(1) if m else d.get("message", "")[:60]] += 1
                elif d.get("code") == "implicit-creator":
                    implicit[d.get("message", "").split(" ")[0]] += 1
    return contrib, implicit


def arg_scope_census(repos: Path) -> Counter:
    """`with ...arg_scope(...)` sites by kind of op list, and `@add_arg_scope` decorators."""
    found: Counter = Counter()
    for path in sorted(repos.rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.withitem) and isinstance(node.context_expr, ast.Call):
                func = node.context_expr.func
                if getattr(func, "attr", getattr(func, "id", None)) == "arg_scope":
                    args = node.context_expr.args
                    kind = ("literal list" if args and isinstance(args[0], (ast.List, ast.Tuple))
                            else "reopened scope" if args and not node.context_expr.keywords
                            else "non-literal list")
                    found[f"arg_scope: {kind}"] += 1
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for d in node.decorator_list:
                    if getattr(d, "attr", getattr(d, "id", None)) == "add_arg_scope":
                        found["@add_arg_scope"] += 1
    return found


def main(argv: list[str]) -> int:
    report_dir = Path(argv[0]) if argv else Path("/tmp/rep")
    repos = Path(argv[1]) if len(argv) > 1 else Path("/work/repos")
    contrib, implicit = report_census(report_dir)
    print(f"contrib errors: {sum(contrib.values())} ({len(contrib)} names)")
    for name, n in contrib.most_common(40):
        print(f"  {n:5d}  {name}")
    print(f"implicit-creator reports: {sum(implicit.values())}")
    for name, n in implicit.most_common(25):
        print(f"  {n:5d}  {name}")
    for kind, n in sorted(arg_scope_census(repos).items()):
        print(f"  {n:5d}  {kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
