"""First-call reuse flags: `reuse=self._reuse` where the flag provably reads False, then True.

A callable model class (a GAN's `Discriminator`, a `RelationModule`) often shares its variables
across calls with a flag of its own:

    def __init__(self, name):
        self._reuse = False
    def __call__(self, x):
        with tf.variable_scope(self.name, reuse=self._reuse):
            ...
        self._reuse = True

The first call of each instance creates the variables, every later call reuses them: what a module
built once and called again does. The flag is decided statically only when nothing else can set
it: `__init__` sets it to False or None, the one method that passes it as `reuse=` sets it to True
unconditionally, and no other code of the file assigns it (`model.reuse = True` from outside, or
`self.reuse = reuse` from a constructor argument, shares across instances: a module per instance
would not).
"""

from __future__ import annotations

import ast


class FirstCallFlags:
    """The flags of a file's classes, found the first time a `reuse=self.x` asks (most files never do)."""

    def __init__(self, tree: ast.Module) -> None:
        self._tree = tree
        self._flags: dict[str, frozenset[str]] | None = None

    def of(self, class_name: str | None) -> frozenset[str]:
        if class_name is None:
            return frozenset()
        if self._flags is None:
            self._flags = first_call_flags(self._tree)
        return self._flags.get(class_name, frozenset())


def first_call_flags(tree: ast.Module) -> dict[str, frozenset[str]]:
    """Class name -> attributes that are first-call reuse flags of that class."""
    outside_targets = _attribute_targets_outside_self(tree)
    if outside_targets is None:
        return {}  # setattr(obj, name, value) can set any attribute
    flags: dict[str, frozenset[str]] = {}
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        found = frozenset(a for a in _candidate_flags(cls) if a not in outside_targets)
        if found:
            flags[cls.name] = found
    return flags


def _methods(cls: ast.ClassDef) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [s for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _self_name(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    args = fn.args.posonlyargs + fn.args.args
    return args[0].arg if args else None


def _is_self_attr(node: ast.AST, self_name: str | None) -> bool:
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == self_name


def _constant(node: ast.AST) -> object:
    return node.value if isinstance(node, ast.Constant) and node.value in (True, False, None) else ...


def _unconditional(body: list[ast.stmt]) -> list[ast.stmt]:
    """Statements that always run when the body runs (through `with` blocks, not branches)."""
    out: list[ast.stmt] = []
    for stmt in body:
        if isinstance(stmt, (ast.Return, ast.Raise)):
            break
        out.append(stmt)
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            inner = _unconditional(stmt.body)
            out.extend(inner)
            if any(isinstance(s, (ast.Return, ast.Raise)) for s in stmt.body):
                # a return inside the block: what follows the block does not always run
                return out
    return out


def _sets(stmt: ast.AST, attr: str, self_name: str | None) -> object:
    """The constant `stmt` assigns to `self.attr` (`...` when it is no such statement)."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and _is_self_attr(stmt.targets[0], self_name) \
            and stmt.targets[0].attr == attr:  # type: ignore[attr-defined]
        return _constant(stmt.value)
    return ...


def _allowed(node: ast.AST, target: ast.AST, attribute: ast.Attribute, self_name: str | None,
             in_init: bool) -> bool:
    """`self.flag = False|None` in __init__, `self.flag = True` elsewhere: nothing else."""
    if not (isinstance(node, ast.Assign) and attribute is target and _is_self_attr(attribute, self_name)):
        return False
    value = _constant(node.value)
    return value in (False, None) if in_init else value is True


def _candidate_flags(cls: ast.ClassDef) -> set[str]:
    methods = _methods(cls)
    init = next((m for m in methods if m.name == "__init__"), None)
    if init is None:
        return set()
    init_self = _self_name(init)
    initial: set[str] = set()
    for stmt in init.body:  # top level of __init__ only: set on every construction
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and _is_self_attr(stmt.targets[0], init_self) \
                and _constant(stmt.value) in (False, None):
            initial.add(stmt.targets[0].attr)  # type: ignore[attr-defined]
    flags: set[str] = set()
    for attr in initial:
        users, ok = [], True
        for method in methods:
            self_name = _self_name(method)
            for node in ast.walk(method):
                if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        for t in ast.walk(target):
                            if isinstance(t, ast.Attribute) and t.attr == attr and not _allowed(
                                    node, target, t, self_name, method is init):
                                ok = False
                elif isinstance(node, ast.keyword) and node.arg == "reuse" and _is_self_attr(node.value, self_name) \
                        and node.value.attr == attr:  # type: ignore[attr-defined]
                    users.append(method)
        # one method passes it (not __init__, which sees only its first value)
        if not ok or len({id(u) for u in users}) != 1 or users[0] is init:
            continue
        user = users[0]
        self_name = _self_name(user)
        if any(_sets(s, attr, self_name) is True for s in _unconditional(user.body)):
            flags.add(attr)
    return flags


def _attribute_targets_outside_self(tree: ast.Module) -> set[str] | None:
    """Attribute names assigned on something other than a method's own `self` (None: any, by setattr)."""
    inside: set[int] = set()
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef):
            for method in _methods(cls):
                self_name = _self_name(method)
                for node in ast.walk(method):
                    if _is_self_attr(node, self_name):
                        inside.add(id(node))
    names: set[str] = set()
    for node in ast.walk(tree):
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
            return None
        for target in targets:
            for t in ast.walk(target):
                if isinstance(t, ast.Attribute) and id(t) not in inside:
                    names.add(t.attr)
    return names
