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
call changes nothing), and the name is not global, nonlocal or read by a nested function. Values
that run code (`"kernel_initializer": tf.contrib.layers.variance_scaling_initializer()`, dc_tts) are
taken too when the unpacking call is the next statement's whole value, called by a dotted name
(`_runs_first`). Like the other text passes this rewrites the planner's and the transform's input; a function the
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
    statements: tuple[ast.stmt, ...]  # the dict's assignment and its merges: their lines go
    keyword: ast.keyword  # the `**name` of the call
    items: tuple[tuple[str, str], ...]  # (key, value source)
    consumed: tuple[ast.Name, ...]  # the reads of the dicts' names the rewrite accounts for


def inline_dict_kwargs(source: str, path: str = "<string>", only: frozenset[str] | None = None) -> ArgScopeResult:
    """The text with each such dict written into its call (regions: the functions changed)."""
    if "**" not in source or ("{" not in source and "dict(" not in source):
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
    removed = {line for s in sites for stmt in s.statements for line in range(stmt.lineno, stmt.end_lineno + 1)}
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
    # (`dict(...)` is the builtin unless the file binds the name)
    shadowed = {"dict"} if any(
        (isinstance(n, ast.Name) and n.id == "dict" and isinstance(n.ctx, ast.Store))
        or (isinstance(n, (*_FUNCTIONS, ast.ClassDef)) and n.name == "dict")
        or (isinstance(n, ast.alias) and (n.asname or n.name) == "dict") or isinstance(n, ast.arg) and n.arg == "dict"
        for n in ast.walk(tree)) else set()
    for stmt in tree.body:
        if isinstance(stmt, _FUNCTIONS):
            found += _in_function(stmt, stmt.name, lines, source, shadowed)
        elif isinstance(stmt, ast.ClassDef):
            for item in stmt.body:
                if isinstance(item, _FUNCTIONS):
                    found += _in_function(item, f"{stmt.name}.{item.name}", lines, source, shadowed)
    return found


def _in_function(fn, qualname: str, lines: list[str], source: str, shadowed: set[str]) -> list[_Site]:
    declared = {n for node in ast.walk(fn) if isinstance(node, (ast.Global, ast.Nonlocal)) for n in node.names}
    captured = {n.id for inner in ast.walk(fn) if inner is not fn and isinstance(
        inner, (*_FUNCTIONS, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
        for n in ast.walk(inner) if isinstance(n, ast.Name)}
    sites = []
    for body in _bodies(fn):
        for i, stmt in enumerate(body):
            site = _site(stmt, body[i + 1:], qualname, declared | captured | shadowed, lines, source)
            if site is not None:
                sites.append(site)
    # every read of the names in the function is one the sites account for (`**name`, the
    # merged dict's `.update(...)`): no later read needs the dicts
    loads: dict[str, set[int]] = {}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Store):
            loads.setdefault(node.id, set()).add(id(node))
    consumed: dict[str, set[int]] = {}
    for site in sites:
        for name in site.consumed:
            consumed.setdefault(name.id, set()).add(id(name))
    return [s for s in sites if all(loads.get(n.id) == consumed[n.id] for n in s.consumed)]


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


def _site(stmt: ast.stmt, following: list[ast.stmt], qualname: str, excluded: set[str], lines: list[str],
          source: str) -> _Site | None:
    """`name = <literal>`, then at most the merges of other literals into it (`other = dict(...)`
    read only by `name.update(other)`, or `name.update(dict(...))`: XLNet's `tfm_args`), then the
    statement that unpacks `**name` as a call's only argument."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return None
    items = _literal_items(stmt.value, excluded)
    name = stmt.targets[0].id
    if items is None or name in excluded or not _own_lines(stmt, lines):
        return None
    statements, consumed = [stmt], []
    dropped: list[ast.expr] = []  # values a merge overrides: the written call no longer evaluates them
    pending: dict[str, tuple[ast.Assign, list[tuple[str, ast.expr]]]] = {}  # dicts waiting for their update
    rest = iter(following)
    after = next(rest, None)
    while after is not None:
        other = _assigned_literal(after, excluded | {name}, lines)
        merged = _update_of(after, name)
        if other is not None:
            pending[other[0].targets[0].id] = other
        elif merged is not None and _own_lines(after, lines):
            if isinstance(merged, ast.Name) and merged.id in pending:
                assign, extra = pending.pop(merged.id)
                statements.append(assign)
                consumed.append(merged)
            else:
                extra = _literal_items(merged, excluded)
                if extra is None:
                    return None
            statements.append(after)
            consumed.append(after.value.func.value)  # type: ignore[attr-defined]
            keys = {key for key, _ in extra}
            dropped += [value for key, value in items if key in keys]
            items = [item for item in items if item[0] not in keys] + extra
        else:
            break
        after = next(rest, None)
    if after is None or pending:
        return None
    keys = [key for key, _ in items]
    if len(set(keys)) != len(keys) or not all(_pure(v) for v in dropped):
        return None
    reads = [n for n in ast.walk(after) if isinstance(n, ast.Name) and n.id == name]
    if len(reads) != 1 or not isinstance(reads[0].ctx, ast.Load):
        return None
    call = next((c for c in ast.walk(after) if isinstance(c, ast.Call) and len(c.keywords) == 1 and not c.args
                 and c.keywords[0].arg is None and c.keywords[0].value is reads[0]), None)
    if call is None or _in_deferred(after, call):
        return None
    if not all(_pure(v) for _, v in items) and not (len(statements) == 1 and _runs_first(after, call)):
        return None
    values = [ast.get_source_segment(source, v) for _, v in items]
    if any(v is None for v in values):
        return None
    return _Site(qualname, tuple(statements), call.keywords[0], tuple(zip(keys, values)),
                 (reads[0], *consumed))


def _assigned_literal(stmt: ast.stmt, excluded: set[str], lines: list[str]):
    """`other = <literal dict>` on lines of its own: (the statement, its items), else None."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
            and stmt.targets[0].id not in excluded and _own_lines(stmt, lines)):
        return None
    items = _literal_items(stmt.value, excluded)
    return None if items is None else (stmt, items)


def _update_of(stmt: ast.stmt, name: str) -> ast.expr | None:
    """The argument of a `name.update(argument)` statement."""
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and not stmt.value.keywords \
            and len(stmt.value.args) == 1 and isinstance(stmt.value.func, ast.Attribute) \
            and stmt.value.func.attr == "update" and isinstance(stmt.value.func.value, ast.Name) \
            and stmt.value.func.value.id == name:
        return stmt.value.args[0]
    return None


def _literal_items(value: ast.expr, excluded: set[str]) -> list[tuple[str, ast.expr]] | None:
    """(key, value) of `{"k": v, ...}` with identifier keys, or of `dict(k=v, ...)` (XLNet's
    `tfm_args = dict(n_token=..., ...)`); None for anything else."""
    if isinstance(value, ast.Dict):
        items = []
        for key, item in zip(value.keys, value.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.isidentifier()):
                return None
            items.append((key.value, item))
        return items
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "dict" \
            and "dict" not in excluded and not value.args and all(k.arg is not None for k in value.keywords):
        return [(k.arg, k.value) for k in value.keywords]
    return None


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


def _runs_first(stmt: ast.stmt, call: ast.Call) -> bool:
    """The call is the statement's whole value and names its function by a dotted name
    (`tensor = tf.layers.conv1d(**params)`): nothing but that lookup runs between the dict's
    values and the call, so values with effects (`variance_scaling_initializer()`, dc_tts) are
    still evaluated once, in the order written, before the function runs. (With merges an
    overridden value would no longer be evaluated at all: not taken then.)"""
    if not (isinstance(stmt, (ast.Assign, ast.Expr, ast.Return)) and stmt.value is call):
        return False
    if isinstance(stmt, ast.Assign) and not all(isinstance(t, ast.Name) for t in stmt.targets):
        return False
    func = call.func
    while isinstance(func, ast.Attribute):
        func = func.value
    return isinstance(func, ast.Name)


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
