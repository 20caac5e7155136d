"""The verification stage: may the migrated text of one file be written?

Runs on every changed file, after the transform and before any write (migrate/pipeline.py).
Compared with the input, the output must not gain

1. `undefined-name`: names that are undefined (migrate/namescan.py, pyflakes' check);
2. `unresolved-import`: imports that do not resolve: `from M import N` where the run's view
   of M (the `exports` hook) lacks N, an `M.N` attribute on `import M` likewise, or a new
   top-level module that is neither installed nor a file next to this one;
3. `missing-tf-api`: `tf.*` attribute chains (on any alias of `tensorflow`, resolved through
   the scopes) or `from tensorflow... import` names missing from the installed TensorFlow's TF2
   API (`tf.compat.v1.*` against the compat.v1 listing; migrate/tf2_api.py).

Only what the output has and the input had not is blamed: existing sloppiness (an undefined name
in legacy code, a TF1-only symbol left on an untouched line) is not this run's doing. A failing
file gets one `internal-error` Diagnostic naming the check and the names, at the output's line.
"""

from __future__ import annotations

import ast
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from migrate import astparse
from migrate.diagnostics import Diagnostic
from migrate.namescan import ImportUse, ModuleNames, Use, scan
from migrate.tf2_api import Tf2Api, load_api

# (module as written, with leading dots when relative; the importing file's path) ->
# every public name the migrated module binds at module level (imports included, or its
# `__all__`), or None when the module is not one of the run's (then it is not checked).
Exports = Callable[[str, "str | None"], "set[str] | None"]

NAMES_SHOWN = 5  # names listed in one diagnostic
VERIFY_FAILED = "verification failed"  # how the diagnostic's message starts (report.py counts them)


@dataclass(frozen=True)
class Problem:
    check: str  # "undefined-name" | "unresolved-import" | "missing-tf-api"
    name: str
    line: int
    column: int


def verify_output(
    source: str,
    output: str,
    path: str,
    exports: Exports | None = None,
    *,
    strict_tf: bool = False,
    api: Tf2Api | None = None,
) -> Diagnostic | None:
    """None when `output` may replace `source`; else an `internal-error` Diagnostic.

    `strict_tf` also checks `tf.*` chains the input already had (off: TF1-only names on lines
    the run left alone are reported by the upgrade stage, not blocked here). `api` overrides
    the installed listing (tests)."""
    if output == source:
        return None
    try:
        out_tree = astparse.parse(output)  # the pipeline's own parse of it, shared
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # the pipeline reports unparsable output itself
    try:
        in_tree = astparse.parse(source)  # the transform's parse of it, shared
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        in_tree = None  # nothing to compare with: every check runs on the whole output
    problems = find_problems(in_tree, out_tree, path, exports, strict_tf, api or load_api())
    return _diagnostic(problems) if problems else None


def find_problems(
    in_tree: ast.Module | None,
    out_tree: ast.Module,
    path: str,
    exports: Exports | None = None,
    strict_tf: bool = False,
    api: Tf2Api | None = None,
) -> list[Problem]:
    view = _ModuleView(exports, path)
    before = scan(in_tree, view.star_names) if in_tree is not None else ModuleNames()
    after = scan(out_tree, view.star_names)
    problems = _undefined(before, after)
    problems += _imports(before, after, view, api, path)
    problems += _chains(before, after, view, api, strict_tf, _written_chains(in_tree))
    return sorted(problems, key=lambda p: (p.line, p.column, p.check, p.name))


# ---------------------------------------------------------------------- the checks


def _undefined(before: ModuleNames, after: ModuleNames) -> list[Problem]:
    if after.open:
        return []
    # an input made open by a star import the output no longer has: every name is new
    known = before.undefined_names()
    seen: set[str] = set()
    out = []
    for use in after.undefined:
        if use.name in seen or use.name in known:
            continue
        seen.add(use.name)
        out.append(Problem("undefined-name", use.name, use.line, use.column))
    return out


def _imports(
    before: ModuleNames, after: ModuleNames, view: "_ModuleView", api: Tf2Api | None, path: str
) -> list[Problem]:
    had = {(i.module, i.name) for i in before.imports}
    out = []
    for imp in after.imports:
        if (imp.module, imp.name) in had or imp.name == "*":
            continue
        problem = _unresolved(imp, view, api, path)
        if problem:
            out.append(problem)
    return out


def _unresolved(imp: ImportUse, view: "_ModuleView", api: Tf2Api | None, path: str) -> Problem | None:
    module, name = imp.module, imp.name
    shown = module if name is None else f"{module}.{name}"
    if module == "tensorflow" or module.startswith("tensorflow."):
        if api is None:
            return None
        dotted = "tf" + module[len("tensorflow"):] + (f".{name}" if name else "")
        if dotted == "tf" or api.is_internal(dotted) or api.exists(dotted):
            return None
        return Problem("missing-tf-api", shown, imp.line, imp.column)
    names = view.names(module)
    if names is not None:
        if name is None or name in names:
            return None
        return Problem("unresolved-import", shown, imp.line, imp.column)
    if module.startswith(".") or _findable(module.split(".")[0], path):
        return None
    return Problem("unresolved-import", shown, imp.line, imp.column)


def _chains(
    before: ModuleNames, after: ModuleNames, view: "_ModuleView", api: Tf2Api | None, strict: bool,
    written: frozenset[str] = frozenset(),
) -> list[Problem]:
    had = {c.name for c in before.chains}
    meant: dict[str, set[str]] = {}  # spelling in the input -> what it resolved to there
    for c in before.chains:
        meant.setdefault(c.spelling, set()).add(c.name)
    seen: set[str] = set()
    out = []
    for chain in after.chains:
        if chain.name in seen or (chain.name in had and not strict):
            continue
        seen.add(chain.name)
        problem = _chain_problem(chain, view, api)
        if problem and not strict and _broken_before(chain, meant, view, api):
            continue  # `tf.summary.historgram`: missing in the input's TF too, not our doing
        if problem and not strict and problem.name.startswith("tf.contrib.") and chain.spelling in written:
            # left as the input spelled it, where `tf` came from a star import the output now
            # binds itself (BEGAN's trainer.py): the upgrade reports it (`contrib`), not our doing
            continue
        if problem:
            out.append(problem)
    return out


def _written_chains(tree: ast.Module | None) -> frozenset[str]:
    """Every `a.b.c` attribute chain the input spells, whatever `a` is bound to there."""
    if tree is None:
        return frozenset()
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            parts = []
            expr: ast.expr = node
            while isinstance(expr, ast.Attribute):
                parts.append(expr.attr)
                expr = expr.value
            if isinstance(expr, ast.Name):
                out.add(".".join([expr.id, *reversed(parts)]))
    return frozenset(out)


def _broken_before(chain: Use, meant: dict[str, set[str]], view: "_ModuleView", api: Tf2Api | None) -> bool:
    """The same text was in the input and named nothing there either (an import switched from
    `tensorflow.compat.v1` to `tensorflow` under a line that was broken already)."""
    before = meant.get(chain.spelling)
    if not before:
        return False
    return all(_chain_problem(Use(name, chain.line, chain.column), view, api) for name in before)


def _chain_problem(chain: Use, view: "_ModuleView", api: Tf2Api | None) -> Problem | None:
    dotted = chain.name
    if dotted == "tensorflow" or dotted.startswith("tensorflow."):
        if api is None:
            return None
        tf_name = "tf" + dotted[len("tensorflow"):]
        if api.is_internal(tf_name) or api.exists(tf_name):
            return None
        return Problem("missing-tf-api", tf_name, chain.line, chain.column)
    # `ops.linear` on `import ops`: the run's view of ops must bind `linear`
    module, rest = _split_module(dotted, view)
    if module is None or not rest:
        return None
    names = view.names(module)
    if names is None or rest.split(".")[0] in names:
        return None
    return Problem("unresolved-import", f"{module}.{rest.split('.')[0]}", chain.line, chain.column)


def _split_module(dotted: str, view: "_ModuleView") -> tuple[str | None, str]:
    """The longest prefix of `dotted` the run knows as a module, and the attributes after it."""
    parts = dotted.split(".")
    for i in range(len(parts) - 1, 0, -1):
        module = ".".join(parts[:i])
        if view.names(module) is not None:
            return module, ".".join(parts[i:])
    return None, ""


def _findable(top: str, path: str) -> bool:
    """An installed top-level module (found without importing it), or a file / package next to
    this file or in a directory above it (`tensor2tensor.layers...` from deep in the tree)."""
    try:
        if importlib.util.find_spec(top) is not None:
            return True
    except (ImportError, ValueError):
        pass
    here = Path(path).absolute().parent
    return any((d / f"{top}.py").exists() or (d / top).is_dir() for d in (here, *here.parents))


# ---------------------------------------------------------------------- the run's modules


def module_exports(text: str) -> set[str] | None:
    """What `exports` should answer for a module of the run, from its (migrated) text: every name
    bound at its module level (imports included: `from ops import *` hands over `tf` too), or
    None when that is unknowable (it does not parse, or has a star import of its own)."""
    try:
        names = scan(ast.parse(text))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if names.open:
        return None
    return names.defined | set(names.all_names or ())


class _ModuleView:
    """The `exports` hook, asked once per module."""

    def __init__(self, exports: Exports | None, path: str) -> None:
        self.exports = exports
        self.path = path
        self.cache: dict[str, set[str] | None] = {}

    def names(self, module: str) -> set[str] | None:
        if self.exports is None or module == "tensorflow" or module.startswith("tensorflow."):
            return None
        if module not in self.cache:
            found = self.exports(module, self.path)
            self.cache[module] = set(found) if found is not None else None
        return self.cache[module]

    def star_names(self, module: str) -> set[str] | None:
        names = self.names(module)
        return {n for n in names if not n.startswith("_")} if names is not None else None


# ---------------------------------------------------------------------- the diagnostic


def _diagnostic(problems: list[Problem]) -> Diagnostic:
    first = problems[0]
    by_check: dict[str, list[Problem]] = {}
    for p in problems:
        by_check.setdefault(p.check, []).append(p)
    parts = []
    for check, group in by_check.items():
        shown = ", ".join(f"`{p.name}` (line {p.line})" for p in group[:NAMES_SHOWN])
        more = f" and {len(group) - NAMES_SHOWN} more" if len(group) > NAMES_SHOWN else ""
        parts.append(f"{check}: {shown}{more}")
    message = (
        f"{VERIFY_FAILED}, file left untouched (a migrate bug): the output gains "
        + "; ".join(parts)
    )
    return Diagnostic("internal-error", message, first.line, first.column, "error")
