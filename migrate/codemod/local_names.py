"""Which `Name` nodes of a file refer to a local binding, not to a module-level name.

TF1 code reuses the names of its network functions for tensors everywhere: `def net(image)` at
module level and `def _dense(net, units)` beside it (slim nets, fast-style-transfer), `logits`,
`model`, `encoder` as both a function and a local. A parameter, a name assigned in the function,
a comprehension variable shadows the module-level function within its scope (Python's rules), so
a read of it is not a use of the function as a value.

Python's scoping, simplified where real code does not go: function and lambda scopes (parameters
and every name bound in the body, minus `global` declarations), comprehension scopes (their
targets), class bodies (their names are visible in the class body only, not in its methods).
"""

from __future__ import annotations

import ast
import weakref

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
_SCOPES = (*_FUNCTIONS, ast.Lambda, ast.ClassDef, *_COMPREHENSIONS)


# tree -> its answer: the project plan analyses a file again whenever another file's creators
# grow (~1.7 times per file on tf1/), the transform once per conversion attempt, on the same
# tree (migrate/astparse.py: trees are never changed); weak, so it holds no tree alive
_known: "weakref.WeakKeyDictionary[ast.AST, set[int]]" = weakref.WeakKeyDictionary()


def local_name_ids(tree: ast.AST) -> set[int]:
    """ids of the `ast.Name` nodes of `tree` bound in a function, lambda, comprehension or class
    scope enclosing them (so not the module-level name of the same spelling). Read-only: the
    set is shared by every caller asking about the same tree."""
    found = _known.get(tree)
    if found is None:
        found = set()
        _visit(tree, frozenset(), frozenset(), found)
        _known[tree] = found
    return found


def _visit(node: ast.AST, visible: frozenset[str], class_names: frozenset[str], found: set[int]) -> None:
    """`visible`: names local to an enclosing function-like scope; `class_names`: names bound in
    the class body `node` sits directly in (not seen by nested scopes)."""
    if isinstance(node, ast.Name):
        if node.id in visible or node.id in class_names:
            found.add(id(node))
        return
    if isinstance(node, _FUNCTIONS):
        _visit_all([*node.decorator_list, *_defaults(node.args), *_annotations(node)], visible, class_names, found)
        inner = (visible | _bound_in_function(node)) - _declared_global(node.body)
        _visit_all(node.body, inner, frozenset(), found)
        return
    if isinstance(node, ast.Lambda):
        _visit_all(_defaults(node.args), visible, class_names, found)
        _visit(node.body, visible | _parameters(node.args), frozenset(), found)
        return
    if isinstance(node, ast.ClassDef):
        _visit_all([*node.decorator_list, *node.bases, *(k.value for k in node.keywords)], visible, class_names, found)
        own = _bound_in_body(node.body) - _declared_global(node.body)
        for stmt in node.body:
            _visit(stmt, visible, own, found)
        return
    if isinstance(node, _COMPREHENSIONS):
        first, *rest = node.generators
        _visit(first.iter, visible, class_names, found)  # evaluated in the enclosing scope
        inner = visible | {n for g in node.generators for n in _target_names(g.target)}
        for g in node.generators:
            _visit(g.target, inner, frozenset(), found)
            if g is not first:
                _visit(g.iter, inner, frozenset(), found)
            _visit_all(g.ifs, inner, frozenset(), found)
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        _visit_all(parts, inner, frozenset(), found)
        return
    for child in ast.iter_child_nodes(node):
        _visit(child, visible, class_names, found)


def _visit_all(nodes, visible: frozenset[str], class_names: frozenset[str], found: set[int]) -> None:
    for n in nodes:
        if n is not None:
            _visit(n, visible, class_names, found)


def _defaults(args: ast.arguments) -> list[ast.expr]:
    return [*args.defaults, *(d for d in args.kw_defaults if d is not None)]


def _annotations(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr]:
    a = fn.args
    params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *(p for p in (a.vararg, a.kwarg) if p is not None)]
    return [*(p.annotation for p in params if p.annotation is not None), *([fn.returns] if fn.returns else [])]


def _parameters(args: ast.arguments) -> frozenset[str]:
    params = [*args.posonlyargs, *args.args, *args.kwonlyargs, *(p for p in (args.vararg, args.kwarg) if p)]
    return frozenset(p.arg for p in params)


def _bound_in_function(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[str]:
    return _parameters(fn.args) | _bound_in_body(fn.body)


def _bound_in_body(body: list[ast.stmt]) -> frozenset[str]:
    """Names a scope's own statements bind (nested scopes' bodies excluded; their names count)."""
    names: set[str] = set()
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (*_FUNCTIONS, ast.ClassDef)):
            names.add(node.name)
            continue
        if isinstance(node, (ast.Lambda, *_COMPREHENSIONS)):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".", 1)[0] for a in node.names if a.name != "*")
        stack.extend(ast.iter_child_nodes(node))
    return frozenset(names)


def _declared_global(body: list[ast.stmt]) -> frozenset[str]:
    names: set[str] = set()
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, _SCOPES):
            continue
        if isinstance(node, ast.Global):
            names.update(node.names)
        stack.extend(ast.iter_child_nodes(node))
    return frozenset(names)


def _target_names(target: ast.expr) -> list[str]:
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
