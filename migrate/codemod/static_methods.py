"""Static and class methods that create variables, moved to module level as plain functions (H25).

A `@staticmethod` is a plain function kept in a class namespace: `self.linear(x, 8, "fc")`,
`Net.linear(...)` and `cls.linear(...)` all call the same function, and the variables it makes
are named by the variable scopes around the call, never by the class. So it means the same as a
module-level def of that name with every such call written `linear(...)`; there it converts like
any helper (a module each caller builds per scope, as TF1 named them). A `@classmethod` likewise
when its `cls` is only used to call such moved members (`cls.linear(...)`): then it does not
depend on the class it is called on.

Moved only when nothing can tell: the method's only decorator is `staticmethod` /
`classmethod`; every mention of its name in the file is its def or a call `self.m(...)` (`self`
the first parameter of an instance method of the class), `cls.m(...)` (in a class method of the
class) or `Cls.m(...)`; the name is used nowhere else in the file (no module-level name, local,
parameter, other attribute, override or `getattr` string) and in no other file of the run or the
repository (`foreign`: the words of those files, so a subclass elsewhere, an importer calling
`Net.linear` or a star import all keep it). The text pass rewrites the planner's and the
transform's input (like nested_helpers.py, which runs it first); a moved def the codemod does not
convert goes back where it was (`only`).
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field

import libcst as cst

from migrate import astparse

_KINDS = ("staticmethod", "classmethod")


@dataclass
class StaticMoves:
    source: str
    moved: dict[str, str] = field(default_factory=dict)  # method name -> its class
    declined: bool = False  # a candidate stayed because another file mentions its name


def hoist_static_methods(source: str, path: str = "<string>", only: frozenset[str] | None = None,
                         foreign: frozenset[str] = frozenset()) -> StaticMoves:
    """The text with the movable static / class methods moved just before their class."""
    if "staticmethod" not in source and "classmethod" not in source:
        return StaticMoves(source)
    try:
        tree = astparse.parse(source)
    except (SyntaxError, ValueError):
        return StaticMoves(source)
    movable, declined = _movable(tree, foreign)
    if only is not None:
        movable = {m: c for m, c in movable.items() if m in only}
        movable = _closed(tree, movable)
    if not movable:
        return StaticMoves(source, declined=declined)
    from migrate.cstparse import parse_module

    module = parse_module(source)
    new = module.visit(_Hoist(movable))
    return StaticMoves(new.code, movable, declined)


# deciding ------------------------------------------------------------------------------------
def _kind(fn: ast.FunctionDef) -> str | None:
    if len(fn.decorator_list) == 1 and isinstance(fn.decorator_list[0], ast.Name) \
            and fn.decorator_list[0].id in _KINDS:
        return fn.decorator_list[0].id
    return None


def _first_param(fn: ast.FunctionDef) -> str | None:
    params = [*fn.args.posonlyargs, *fn.args.args]
    return params[0].arg if params else None


def _movable(tree: ast.Module, foreign: frozenset[str]) -> tuple[dict[str, str], bool]:
    """method name -> class, for the static / class methods that can move; and whether one was
    kept for another file's mention of its name."""
    candidates: dict[str, tuple[ast.ClassDef, ast.FunctionDef, str]] = {}
    twice: set[str] = set()
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for item in cls.body:
            if isinstance(item, ast.FunctionDef) and _kind(item) is not None:
                if item.name in candidates or item.name.startswith("__"):
                    twice.add(item.name)
                candidates[item.name] = (cls, item, _kind(item))
    declined = any(name in foreign for name in candidates)
    candidates = {n: c for n, c in candidates.items()
                  if n not in twice and n not in foreign and not hasattr(builtins, n)}
    if not candidates:
        return {}, declined
    ok = {n for n in candidates if _mentions_ok(tree, n, candidates[n][0])}
    # a class method moves when its `cls` only calls members that move (a fixpoint)
    moving = {n: candidates[n][0].name for n in ok}
    return _closed(tree, moving, candidates), declined


def _closed(tree: ast.Module, moving: dict[str, str], candidates=None) -> dict[str, str]:
    if candidates is None:
        candidates = {}
        for cls in tree.body:
            if isinstance(cls, ast.ClassDef):
                for item in cls.body:
                    if isinstance(item, ast.FunctionDef) and item.name in moving:
                        candidates[item.name] = (cls, item, _kind(item))
    changed = True
    while changed:
        changed = False
        for name in list(moving):
            cls, fn, kind = candidates[name]
            if kind == "classmethod" and not _cls_only_calls(fn, set(moving) - {name} | {name}, cls.name):
                del moving[name]
                changed = True
    return moving


def _cls_only_calls(fn: ast.FunctionDef, moving: set[str], cls_name: str) -> bool:
    """`cls` (the first parameter) is only read as `cls.m(...)` with m a moving member."""
    param = _first_param(fn)
    if param is None:
        return False
    calls = {id(n.func.value) for n in ast.walk(fn) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)
             and n.func.value.id == param and n.func.attr in moving}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and node.id == param and id(node) not in calls:
            return False
        if isinstance(node, ast.arg) and node.arg == param and node is not _first_arg(fn):
            return False
    return True


def _first_arg(fn: ast.FunctionDef) -> ast.arg | None:
    params = [*fn.args.posonlyargs, *fn.args.args]
    return params[0] if params else None


def _mentions_ok(tree: ast.Module, name: str, owner: ast.ClassDef) -> bool:
    """Every mention of `name` in the file is its def or a call through self / cls / the class."""
    allowed: set[int] = set()  # ids of Attribute nodes that are such calls
    for item in owner.body:
        if not isinstance(item, ast.FunctionDef):
            continue
        kind = _kind(item)
        receivers = {owner.name}
        first = _first_param(item)
        if first is not None and kind != "staticmethod" and (
                kind == "classmethod" or not item.decorator_list):
            if not _rebinds(item, first):
                receivers.add(first)
        for node in ast.walk(item):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == name and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id in receivers:
                allowed.add(id(node.func))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == name \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == owner.name:
            allowed.add(id(node.func))  # (`Net.linear(...)` anywhere in the file)
    if _rebinds_anywhere(tree, owner.name):
        return False
    seen_def = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == name and id(node) not in allowed:
            return False
        if isinstance(node, ast.Name) and node.id == name:
            return False
        if isinstance(node, ast.arg) and node.arg == name:
            return False
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            if seen_def or node not in owner.body:
                return False
            seen_def = True
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                (a.asname or a.name).split(".")[0] == name for a in node.names):
            return False
        if isinstance(node, ast.Constant) and node.value == name and _in_getattr(tree, node):
            return False
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return False
    return seen_def


def _rebinds(fn: ast.FunctionDef, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load)
               for n in ast.walk(fn))


def _rebinds_anywhere(tree: ast.Module, name: str) -> bool:
    """The class name is bound again (assigned, a parameter, imported): `Cls.m` may be another."""
    defs = sum(1 for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == name)
    return defs != 1 or any(
        isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load)
        or isinstance(n, ast.arg) and n.arg == name
        or isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name
        for n in ast.walk(tree))


def _in_getattr(tree: ast.Module, constant: ast.Constant) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("getattr", "hasattr", "setattr", "delattr") \
                and any(a is constant for a in node.args):
            return True
    return False


# rewriting -----------------------------------------------------------------------------------
class _Hoist(cst.CSTTransformer):
    def __init__(self, moving: dict[str, str]) -> None:
        self.moving = moving
        self.depth = 0

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.depth += 1

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef):
        self.depth -= 1
        if self.depth or updated.name.value not in set(self.moving.values()):
            return updated
        kept, moved = [], []
        for item in updated.body.body:
            if isinstance(item, cst.FunctionDef) and item.name.value in self.moving \
                    and self.moving[item.name.value] == updated.name.value:
                moved.append(_as_function(item))
            else:
                kept.append(item)
        if not kept:
            kept = [cst.SimpleStatementLine([cst.Pass()])]
        cls = updated.with_changes(body=updated.body.with_changes(body=kept))
        blank = [cst.EmptyLine(indent=False), cst.EmptyLine(indent=False)]
        out = [moved[0].with_changes(leading_lines=updated.leading_lines)]
        out += [fn.with_changes(leading_lines=blank) for fn in moved[1:]]
        return cst.FlattenSentinel([*out, cls.with_changes(leading_lines=blank)])

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        func = updated.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
                and func.attr.value in self.moving:
            return updated.with_changes(func=cst.Name(func.attr.value))
        return updated


def _as_function(fn: cst.FunctionDef) -> cst.FunctionDef:
    """The method as a module-level def: no decorator, no `cls` parameter, dedented comments."""
    kind = fn.decorators[0].decorator.value
    params = fn.params
    if kind == "classmethod":
        if params.posonly_params:
            params = params.with_changes(posonly_params=params.posonly_params[1:])
        else:
            params = params.with_changes(params=params.params[1:])
    return fn.with_changes(decorators=[], params=params, leading_lines=[])
