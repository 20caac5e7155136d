"""A network function bound once to an attribute in `__init__`, then called through it.

GAN repositories keep their networks on the model object (xhujoy's CycleGAN-tensorflow:
`self.discriminator = discriminator` in `__init__`, then `self.discriminator(fake, reuse=True,
name="discriminatorA")` in `_build_model`). The function is then *used as a value* and its
whole component is refused, although the attribute is a plain alias: bound once, never
reassigned, only ever called. The rewrite

    self.discriminator(fake, reuse=True, name="discriminatorA")  ->  discriminator(fake, ...)

(and the binding statement becomes `pass`) means the same, and each call is then a direct call
the codemod decides as any other. Only when plain: the class is top-level, the binding is a
statement of `__init__`'s own body (not in an `if`), the value is one module-level name for the
whole run (this file's def or an import, bound once; or, with a star import such as CycleGAN's
`from module import *`, a name the file binds nowhere), not a parameter or local of `__init__`
(an injected network is not an alias), the attribute appears nowhere else in the file (not on another
object, not as a string for getattr/setattr, not in a subclass) except as `self.attr(...)` in
the class's own methods, and no other file of the run mentions it (`elsewhere`). Lines are
kept (the rewrite only shortens them). Like the other text passes, code the codemod keeps as TF1
gets its text back.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass

from migrate import astparse
from migrate.codemod.arg_scopes import ArgScopeResult

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_BUILTIN_NAMES = frozenset(dir(builtins))
_REFLECTION = ("getattr", "setattr", "hasattr", "delattr")  # an attribute named by a string


@dataclass(frozen=True)
class Alias:
    owner: str  # the class
    attr: str  # self.<attr>
    function: str  # the module-level function it names (this file's def or an imported one)
    local: bool  # this file's def (its conversion is decided here)
    binding: ast.Assign  # `self.attr = function` in __init__
    calls: tuple[tuple[str, ast.Attribute], ...]  # (calling method's qualname, the `self.attr` callee)


def resolve_function_aliases(source: str, path: str = "<string>", only: frozenset[str] | None = None,
                             elsewhere: frozenset[str] = frozenset()) -> ArgScopeResult:
    """The text with each plain alias's calls written as direct calls; with `only`, just the
    aliases of these functions."""
    if "self." not in source or " = " not in source:
        return ArgScopeResult(source)
    try:
        tree = astparse.parse(source)
    except (SyntaxError, ValueError):
        return ArgScopeResult(source)
    aliases = [a for a in find_aliases(tree) if a.attr not in elsewhere and (only is None or a.function in only)]
    if not aliases:
        return ArgScopeResult(source)
    edits: list[tuple[int, int, int, str]] = []  # (line, start byte, end byte, replacement)
    regions: set[str] = set()
    for alias in aliases:
        target = alias.binding
        edits.append((target.lineno, target.col_offset, target.end_col_offset, "pass"))
        for qualname, callee in alias.calls:
            edits.append((callee.lineno, callee.col_offset, callee.end_col_offset, alias.function))
            regions.add(qualname)
        if alias.local:
            regions.add(alias.function)
    return ArgScopeResult(_apply(source, edits), resolved=len(aliases), regions=regions)


def find_aliases(tree: ast.Module) -> list[Alias]:
    functions = {s.name for s in tree.body if isinstance(s, _FUNCTIONS)}
    imported = {a.asname or a.name for s in tree.body if isinstance(s, ast.ImportFrom) for a in s.names if a.name != "*"}
    star = any(isinstance(s, ast.ImportFrom) and any(a.name == "*" for a in s.names) for s in tree.body)
    top_bound: dict[str, int] = {}
    for stmt in tree.body:
        for name in _bound_names(stmt):
            top_bound[name] = top_bound.get(name, 0) + 1

    def one_global(name: str) -> bool:
        """`name` is one module-level object for the whole run: this file's def or an import,
        bound once, or (a star import) bound nowhere in the file."""
        if name in functions or name in imported:
            return top_bound.get(name) == 1
        return star and name not in top_bound and name not in _BUILTIN_NAMES
    strings = {a.value for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
               and n.func.id in _REFLECTION for a in n.args if isinstance(a, ast.Constant)}
    attributes: dict[str, list[ast.Attribute]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            attributes.setdefault(node.attr, []).append(node)
    found = []
    for cls in (s for s in tree.body if isinstance(s, ast.ClassDef)):
        init = next((s for s in cls.body if isinstance(s, _FUNCTIONS) and s.name == "__init__"), None)
        self_name = _self_name(init) if init is not None else None
        if self_name is None:
            continue
        init_locals = {n.id for n in ast.walk(init) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        init_locals |= {a.arg for a in ast.walk(init.args) if isinstance(a, ast.arg)}
        for stmt in init.body:
            binding = _binding(stmt, self_name)
            if binding is None:
                continue
            attr, function = binding
            if not one_global(function) or function in init_locals or attr in strings:
                continue
            calls = _calls_only(cls, attr, function, attributes[attr], stmt.targets[0])
            if calls is not None:
                found.append(Alias(cls.name, attr, function, function in functions, stmt, calls))
    return found


def _binding(stmt: ast.stmt, self_name: str) -> tuple[str, str] | None:
    """(attr, function) for `self.attr = function`."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.value, ast.Name)):
        return None
    target = stmt.targets[0]
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == self_name:
        return target.attr, stmt.value.id
    return None


def _calls_only(cls: ast.ClassDef, attr: str, function: str, uses: list[ast.Attribute],
                target: ast.expr) -> tuple[tuple[str, ast.Attribute], ...] | None:
    """Every other `.attr` of the file is `self.attr(...)` in a method of `cls` that does not
    bind `function` itself; None when one is not."""
    callees: dict[int, tuple[str, ast.Attribute]] = {}
    for method in (s for s in cls.body if isinstance(s, _FUNCTIONS)):
        self_name = _self_name(method)
        if self_name is None or _decorated(method):
            continue
        local = {n.id for n in ast.walk(method) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        local |= {a.arg for a in ast.walk(method.args) if isinstance(a, ast.arg)}
        for node in ast.walk(method):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == attr \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == self_name:
                if function in local:
                    return None
                callees[id(node.func)] = (f"{cls.name}.{method.name}", node.func)
    if any(use is not target and id(use) not in callees for use in uses):
        return None
    return tuple(callees.values()) or None


def _self_name(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    args = fn.args.posonlyargs or fn.args.args
    return args[0].arg if args else None


def _decorated(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """staticmethod / classmethod: the first parameter is not the instance."""
    return any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod") for d in fn.decorator_list)


def _bound_names(stmt: ast.stmt) -> list[str]:
    if isinstance(stmt, (*_FUNCTIONS, ast.ClassDef)):
        return [stmt.name]
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".", 1)[0] for a in stmt.names]
    return [n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))]


def _apply(source: str, edits: list[tuple[int, int, int, str]]) -> str:
    """The text with each (line, start, end, text) replaced; positions are UTF-8 byte offsets
    (ast's), edits on one line applied right to left."""
    lines = source.splitlines(keepends=True)
    for line, start, end, text in sorted(edits, key=lambda e: (e[0], -e[1])):
        raw = lines[line - 1].encode("utf-8")
        lines[line - 1] = (raw[:start] + text.encode("utf-8") + raw[end:]).decode("utf-8")
    return "".join(lines)


def planned_aliases(source: str, elsewhere: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """The functions whose aliases the planner resolves (None: the file has no candidate alias,
    so the transform needs no plan for them)."""
    if "self." not in source or " = " not in source:
        return None
    try:
        found = find_aliases(astparse.parse(source))
    except (SyntaxError, ValueError):
        return None
    if not found:
        return None
    return tuple(sorted({a.function for a in found if a.attr not in elsewhere}))


def transform_with_function_aliases(transform, source: str, path: str, elsewhere: frozenset[str] = frozenset(),
                                    only: frozenset[str] | None = None):
    """`transform(text) -> TransformOutput` run on the text with plain aliases called directly;
    an alias whose function or calling methods the codemod keeps as TF1 is put back as written.
    `only`: the project's choice (planned_aliases), else every plain alias is tried."""
    from migrate.codemod.arg_scopes import back_to_original

    if only is not None and not only:
        return transform(source)
    first = resolve_function_aliases(source, path, only, elsewhere=elsewhere)
    if not first.resolved:
        return transform(source)
    out = transform(first.source)
    if first.regions <= {f.legacy_name for f in out.functions}:
        return back_to_original(out, source, first)
    return transform(source)  # refused code keeps its aliases as written


def function_alias_planning_text(source: str) -> str:
    """The text the project planner analyses: aliases written as the transform will write them."""
    return resolve_function_aliases(source).source
