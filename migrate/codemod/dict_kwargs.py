"""A literal dict of arguments unpacked into the next statement's call, written as keywords.

Kyubyong's transformer (and the many ports of its `feedforward`) builds a layer's arguments as a
dict and unpacks it at once:

    params = {"inputs": inputs, "filters": num_units[0], "kernel_size": 1,
              "activation": tf.nn.relu, "use_bias": True}
    outputs = tf.layers.conv1d(**params)

The layer library sees `**params` and cannot tell the layer's arguments (`implicit-creator`), so
the whole component stayed TF1. Written as `tf.layers.conv1d(inputs=inputs, filters=num_units[0],
...)` it means the same when nothing can tell: the dict is a literal with identifier string keys
(no `**` inside) assigned to a plain local, the very next statement of the same block holds its
only read, `**params` as the only argument of a call (not in a lambda or comprehension), the
values only read names, attributes, subscripts and literals (moving their evaluation into the
call changes nothing), and the name is not global, nonlocal or read by a nested function. Like
the other text passes this rewrites the planner's and the transform's input; a function the
codemod keeps as TF1 gets its text back.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from migrate import astparse
from migrate.codemod.arg_scopes import ArgScopeResult

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True)
class _Site:
    function: str  # qualname of the enclosing top-level function or method
    assign: ast.Assign
    keyword: ast.keyword  # the `**name` of the call
    items: tuple[tuple[str, str], ...]  # (key, value source)


def inline_dict_kwargs(source: str, path: str = "<string>", only: frozenset[str] | None = None) -> ArgScopeResult:
    """The text with each such dict written into its call (regions: the functions changed)."""
    if "**" not in source or "{" not in source:
        return ArgScopeResult(source)
    try:
        tree = astparse.parse(source)
    except (SyntaxError, ValueError):
        return ArgScopeResult(source)
    sites = [s for s in _sites(tree, source) if only is None or s.function in only]
    if not sites:
        return ArgScopeResult(source)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, int, int, str]] = []  # (line, col, end line, end col, text): 0-based cols
    for site in sites:
        text = ", ".join(f"{key}={value}" for key, value in site.items)
        kw = site.keyword
        edits.append((kw.lineno, kw.col_offset, kw.end_lineno, kw.end_col_offset, text))
    out = _apply(lines, edits)
    removed = {line for s in sites for line in range(s.assign.lineno, s.assign.end_lineno + 1)}
    out = [line for i, line in enumerate(out, 1) if i not in removed]
    return ArgScopeResult("".join(out), resolved=len(sites), regions={s.function for s in sites})


def _apply(lines: list[str], edits) -> list[str]:
    """Edits on byte offsets (ast's), right to left; a `**name` is on one line, so is its text."""
    out = list(lines)
    for line, col, end_line, end_col, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if line != end_line:
            continue  # (never: `**name` is two tokens of one line)
        raw = out[line - 1].encode("utf-8")
        out[line - 1] = (raw[:col] + text.encode("utf-8") + raw[end_col:]).decode("utf-8")
    return out


def _sites(tree: ast.Module, source: str) -> list[_Site]:
    found: list[_Site] = []
    lines = source.splitlines()
    for stmt in tree.body:
        if isinstance(stmt, _FUNCTIONS):
            found += _in_function(stmt, stmt.name, lines, source)
        elif isinstance(stmt, ast.ClassDef):
            for item in stmt.body:
                if isinstance(item, _FUNCTIONS):
                    found += _in_function(item, f"{stmt.name}.{item.name}", lines, source)
    return found


def _in_function(fn, qualname: str, lines: list[str], source: str) -> list[_Site]:
    declared = {n for node in ast.walk(fn) if isinstance(node, (ast.Global, ast.Nonlocal)) for n in node.names}
    captured = {n.id for inner in ast.walk(fn) if inner is not fn and isinstance(
        inner, (*_FUNCTIONS, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
        for n in ast.walk(inner) if isinstance(n, ast.Name)}
    sites = []
    for body in _bodies(fn):
        for stmt, after in zip(body, body[1:]):
            site = _site(stmt, after, qualname, declared | captured, lines, source)
            if site is not None:
                sites.append(site)
    # every read of the name in the function is such a `**name`: no later read needs the dict
    loads: dict[str, set[int]] = {}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Store):
            loads.setdefault(node.id, set()).add(id(node))
    unpacked: dict[str, set[int]] = {}
    for site in sites:
        unpacked.setdefault(site.assign.targets[0].id, set()).add(id(site.keyword.value))
    return [s for s in sites if loads.get(s.assign.targets[0].id) == unpacked[s.assign.targets[0].id]]


def _bodies(fn):
    """Every statement list of the function, not entering nested defs or classes."""
    stack = [fn]
    while stack:
        node = stack.pop()
        for name in ("body", "orelse", "finalbody"):
            block = getattr(node, name, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                yield block
                stack.extend(s for s in block if not isinstance(s, (*_FUNCTIONS, ast.ClassDef)))
        for handler in getattr(node, "handlers", []) or []:
            yield handler.body
            stack.extend(handler.body)
        for case in getattr(node, "cases", []) or []:
            stack.append(case)


def _site(stmt: ast.stmt, after: ast.stmt, qualname: str, excluded: set[str], lines: list[str],
          source: str) -> _Site | None:
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Dict)):
        return None
    name = stmt.targets[0].id
    if name in excluded or not _own_lines(stmt, lines):
        return None
    keys = []
    for key in stmt.value.keys:
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.isidentifier()):
            return None
        keys.append(key.value)
    if len(set(keys)) != len(keys) or not all(_pure(v) for v in stmt.value.values):
        return None
    reads = [n for n in ast.walk(after) if isinstance(n, ast.Name) and n.id == name]
    if len(reads) != 1 or not isinstance(reads[0].ctx, ast.Load):
        return None
    call = next((c for c in ast.walk(after) if isinstance(c, ast.Call) and len(c.keywords) == 1 and not c.args
                 and c.keywords[0].arg is None and c.keywords[0].value is reads[0]), None)
    if call is None or _in_deferred(after, call):
        return None
    values = [ast.get_source_segment(source, v) for v in stmt.value.values]
    if any(v is None for v in values):
        return None
    return _Site(qualname, stmt, call.keywords[0], tuple(zip(keys, values)))


def _own_lines(stmt: ast.stmt, lines: list[str]) -> bool:
    """The statement alone on its lines (no `;` neighbour), so its lines can go."""
    first, last = lines[stmt.lineno - 1], lines[stmt.end_lineno - 1]
    head = first.encode("utf-8")[:stmt.col_offset].decode("utf-8", "replace")
    tail = last.encode("utf-8")[stmt.end_col_offset:].decode("utf-8", "replace").strip()
    return not head.strip() and (not tail or tail.startswith("#"))


def _pure(expr: ast.expr) -> bool:
    """Reading it has no effect and its value cannot change before the next statement's call."""
    if isinstance(expr, (ast.Name, ast.Constant)):
        return True
    if isinstance(expr, ast.Attribute):
        return _pure(expr.value)
    if isinstance(expr, ast.Subscript):
        return _pure(expr.value) and _pure(expr.slice)
    if isinstance(expr, (ast.Tuple, ast.List)):
        return all(_pure(e) for e in expr.elts)
    if isinstance(expr, ast.UnaryOp):
        return _pure(expr.operand)
    if isinstance(expr, ast.BinOp):
        return _pure(expr.left) and _pure(expr.right)
    if isinstance(expr, ast.Slice):
        return all(p is None or _pure(p) for p in (expr.lower, expr.upper, expr.step))
    return False


def _in_deferred(stmt: ast.stmt, call: ast.Call) -> bool:
    """The call is inside a lambda or comprehension of the statement (run later, or again)."""
    for node in ast.walk(stmt):
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, *_FUNCTIONS)):
            if any(n is call for n in ast.walk(node)):
                return True
    return False


def transform_with_dict_kwargs(transform, source: str, path: str):
    """`transform(text) -> TransformOutput` run on the text with such dicts written into their
    calls; the functions the codemod keeps as TF1 get their text back (tried once more with only
    the converted ones, else the original text)."""
    from migrate.codemod.arg_scopes import back_to_original

    first = inline_dict_kwargs(source, path)
    if not first.resolved:
        return transform(source)
    out = transform(first.source)
    converted = {f.legacy_name for f in out.functions}
    if first.regions <= converted:
        return back_to_original(out, source, first)
    keep = frozenset(first.regions & converted)
    if keep:
        again = inline_dict_kwargs(source, path, keep)
        second = transform(again.source)
        if again.regions <= {f.legacy_name for f in second.functions}:
            return back_to_original(second, source, again)
    return transform(source)


def dict_kwargs_planning_text(source: str) -> str:
    """The text the project planner analyses: the dicts written as the transform will write them."""
    return inline_dict_kwargs(source).source
