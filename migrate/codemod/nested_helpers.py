"""A helper def nested in a function, that uses nothing of the function, moved to module level.

Network code defines its building blocks inside the network (CycleGAN's `residule_block` inside
`generator_resnet`, pix2pix's `create_discriminator` inside `create_model`, called under two
scopes): the converter sees creators called from a nested function and refuses the whole
component. When the nested def reads no local of its enclosing function (Python's symbol table
says it has no free variables: it sees only its parameters, module globals and builtins), it
means the same at module level, just before the function that held it; there it is a helper like
any other, converted into a module that its callers build per scope as TF1 named them.

The def must be a plain statement of the function's body or of a `with` in it (not under an `if`
or a loop), not decorated, bound once there, only ever called there (a closure the function
returns or passes on, a model_fn factory's, stays), and its name must be free at module level. Like
the other text passes (arg_scopes.py, helper_choices.py) this rewrites the planner's and the
transform's input, and a def the codemod does not convert goes back where it was (`only`).
"""

from __future__ import annotations

import ast
import symtable

import libcst as cst

from migrate import astparse
from migrate.codemod.arg_scopes import ArgScopeResult


def hoist_nested_helpers(source: str, path: str = "<string>", only: frozenset[str] | None = None,
                         foreign: frozenset[str] = frozenset()) -> ArgScopeResult:
    """The text with every movable nested def moved to module level; with `only`, just the defs
    of these names (regions: the names of the moved defs). Static / class methods that can be
    plain functions move first (static_methods.py; `foreign`: the words of the other files)."""
    from migrate.codemod.static_methods import hoist_static_methods

    statics = hoist_static_methods(source, path, only, foreign)
    source = statics.source
    movable = _movable(source, path)
    if only is not None:
        movable = {key: name for key, name in movable.items() if name in only}
    if not movable:
        return ArgScopeResult(source, resolved=len(statics.moved), regions=set(statics.moved))
    from migrate.cstparse import parse_module

    module = parse_module(source)
    body: list[cst.CSTNode] = []
    for stmt in module.body:
        moved: list[cst.FunctionDef] = []
        if isinstance(stmt, cst.FunctionDef):
            stmt = _without_nested(stmt, stmt.name.value, movable, moved)
        elif isinstance(stmt, cst.ClassDef):
            items = []
            for item in stmt.body.body:
                if isinstance(item, cst.FunctionDef):
                    item = _without_nested(item, f"{stmt.name.value}.{item.name.value}", movable, moved)
                items.append(item)
            stmt = stmt.with_changes(body=stmt.body.with_changes(body=items))
        for fn in moved:
            blank = [cst.EmptyLine(indent=False), cst.EmptyLine(indent=False)] if body else []
            body.append(fn.with_changes(leading_lines=[*blank, *_comments(fn.leading_lines)]))
        if moved and not stmt.leading_lines:
            stmt = stmt.with_changes(leading_lines=[cst.EmptyLine(indent=False), cst.EmptyLine(indent=False)])
        body.append(stmt)
    new = module.with_changes(body=body)
    return ArgScopeResult(new.code, resolved=len(movable) + len(statics.moved),
                          regions=set(movable.values()) | set(statics.moved))


def _comments(lines) -> list[cst.EmptyLine]:
    return [line.with_changes(indent=False) for line in lines if line.comment is not None]


def _without_nested(fn: cst.FunctionDef, qualname: str, movable: dict[tuple[str, str], str],
                    moved: list[cst.FunctionDef]) -> cst.FunctionDef:
    if not isinstance(fn.body, cst.IndentedBlock):
        return fn
    return fn.with_changes(body=_block_without(fn.body, qualname, movable, moved))


def _block_without(block: cst.IndentedBlock, qualname: str, movable: dict[tuple[str, str], str],
                   moved: list[cst.FunctionDef]) -> cst.IndentedBlock:
    kept = []
    for stmt in block.body:
        if isinstance(stmt, cst.FunctionDef) and (qualname, stmt.name.value) in movable:
            moved.append(stmt)
            continue
        if isinstance(stmt, cst.With) and isinstance(stmt.body, cst.IndentedBlock):
            stmt = stmt.with_changes(body=_block_without(stmt.body, qualname, movable, moved))
        kept.append(stmt)
    if not kept:
        kept = [cst.SimpleStatementLine([cst.Pass()])]
    return block.with_changes(body=kept)


def _movable(source: str, path: str) -> dict[tuple[str, str], str]:
    """(enclosing qualname, nested name) -> nested name, for each def that can move."""
    if "def " not in source or source.count("def ") < 2:
        return {}
    try:
        tree = astparse.parse(source)
    except (SyntaxError, ValueError):
        return {}
    module_names = _module_level_names(tree)
    candidates: dict[tuple[str, str], ast.FunctionDef] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef):
            candidates.update(_candidates(stmt, stmt.name))
        elif isinstance(stmt, ast.ClassDef):
            for item in stmt.body:
                if isinstance(item, ast.FunctionDef):
                    candidates.update(_candidates(item, f"{stmt.name}.{item.name}"))
    if not candidates:
        return {}
    counts: dict[str, int] = {}
    for _, name in candidates:
        counts[name] = counts.get(name, 0) + 1
    try:
        frees = _free_variables(symtable.symtable(source, path, "exec"))
    except (SyntaxError, ValueError):
        return {}
    return {key: key[1] for key, node in candidates.items()
            if counts[key[1]] == 1 and key[1] not in module_names and not frees.get(key, {"?"})}


def _plain_statements(body: list[ast.stmt]):
    """The statements of a body and of the `with` blocks in it (a def there runs unconditionally)."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, ast.With):
            yield from _plain_statements(stmt.body)


def _candidates(fn: ast.FunctionDef, qualname: str) -> dict[tuple[str, str], ast.FunctionDef]:
    nested = {stmt.name: stmt for stmt in _plain_statements(fn.body)
              if isinstance(stmt, ast.FunctionDef) and not stmt.decorator_list}
    if not nested:
        return {}
    bindings: dict[str, int] = {}
    for node in ast.walk(fn):
        if node is fn:
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bindings[node.name] = bindings.get(node.name, 0) + 1
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bindings[node.id] = bindings.get(node.id, 0) + 1
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                bindings[name] = bindings.get(name, 0) + 2
        elif isinstance(node, ast.arg):
            bindings[node.arg] = bindings.get(node.arg, 0) + (2 if node.arg in nested else 0)
    called = {id(node.func) for node in ast.walk(fn) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    as_value = {node.id for node in ast.walk(fn)
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in called}
    # (a def the function returns or passes on, a model_fn factory's closure, stays: its callers'
    # scopes decide its variables, and they are not the function's own)
    return {(qualname, name): node for name, node in nested.items()
            if bindings.get(name) == 1 and name not in as_value}


def _module_level_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    for stmt in tree.body:
        for node in ast.walk(stmt) if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else [stmt]:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                names.add(node.id)
    return names


def _free_variables(table: symtable.SymbolTable) -> dict[tuple[str, str], set[str]]:
    """(enclosing qualname, nested name) -> the nested function's free variables (names it reads
    from an enclosing function), for defs nested one level in top-level functions and methods."""
    out: dict[tuple[str, str], set[str]] = {}

    def nested_of(fn_table: symtable.SymbolTable, qualname: str) -> None:
        for child in fn_table.get_children():
            if child.get_type() == "function":
                out[(qualname, child.get_name())] = set(_frees(child))

    for child in table.get_children():
        if child.get_type() == "function":
            nested_of(child, child.get_name())
        elif child.get_type() == "class":
            for method in child.get_children():
                if method.get_type() == "function":
                    nested_of(method, f"{child.get_name()}.{method.get_name()}")
    return out


def _frees(fn_table: symtable.SymbolTable) -> set[str]:
    """A function's free variables (a def nested in it that reads the enclosing function's
    locals makes them free in it too: CPython passes the cells through)."""
    return set(fn_table.get_frees()) if isinstance(fn_table, symtable.Function) else {"?"}


def transform_with_nested_helpers(transform, source: str, path: str, planned: frozenset[str] | None = None):
    """`transform(text) -> TransformOutput` run on the text with its movable nested defs moved
    out; a moved def the codemod does not convert goes back where it was. `planned`: the project's
    choice (the moved defs that create variables), else every movable def is tried."""
    from migrate.codemod.arg_scopes import back_to_original

    if planned is not None and not planned:
        return transform(source)
    first = hoist_nested_helpers(source, path, planned)
    if not first.resolved:
        return transform(source)
    out = transform(first.source)
    converted = {f.legacy_name for f in out.functions}
    kept = {r for r in first.regions if r not in converted}
    if not kept:
        return back_to_original(out, source, first)
    again = hoist_nested_helpers(source, path, frozenset(first.regions - kept))
    if again.resolved:
        second = transform(again.source)
        if again.regions <= {f.legacy_name for f in second.functions}:
            return back_to_original(second, source, again)
    return transform(source)  # nothing moved converts: the defs stay where they were


