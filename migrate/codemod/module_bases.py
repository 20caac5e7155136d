"""Model classes whose base class holds the module's state (P's F7: baselines' `class
Model(object): def __init__(self, name): self.name = name` with `class Critic(Model)` opening
`tf.variable_scope(self.name)`).

An owner class with no base becomes a `tf.Module` itself (convert.py). One whose base is a class
of the same file is tracked only if that base chain ends in a class that becomes the
`tf.Module`: its root (no base, or `object`) gets the `tf.Module` base and calls
`super().__init__()` first in its constructor, and `self.name` (a read-only tf.Module property)
is renamed `self.scope_name` across the chain, as for a class that sets `self.name` itself.

Only chains this file proves are taken: every class on the way has exactly one base, a class of
this file, and every constructor on the way runs its base's `__init__` (else tf.Module's own
would never run). Otherwise nothing changes and the object stays a plain one, as before.
"""

from __future__ import annotations

import ast
from typing import Collection

import libcst as cst


def module_base_chains(tree: ast.Module, owners: Collection[str]) -> dict[str, list[str]]:
    """owner -> its base classes in this file, nearest first; the last one is the root that
    becomes the tf.Module. Owners with no base (they become tf.Modules themselves) or a base
    chain this file cannot prove are left out."""
    classes = {s.name: s for s in tree.body if isinstance(s, ast.ClassDef)}
    out: dict[str, list[str]] = {}
    for owner in sorted(owners):
        chain = _chain(owner, classes)
        if chain:
            out[owner] = chain
    return out


def _chain(owner: str, classes: dict[str, ast.ClassDef]) -> list[str] | None:
    cls = classes.get(owner)
    chain: list[str] = []
    while cls is not None:
        base = _only_base(cls)
        if base is None:  # no base / `object`: the root
            return chain or None
        if base not in classes or base in chain or base == owner:
            return None  # a library or another file's class: not provable here
        if not _runs_base_init(cls):
            return None
        chain.append(base)
        cls = classes[base]
    return None


def _only_base(cls: ast.ClassDef) -> str | None:
    """The single base's name; None for no base or `object`; "" for anything else."""
    if cls.keywords or len(cls.bases) > 1:
        return ""
    if not cls.bases:
        return None
    base = cls.bases[0]
    if not isinstance(base, ast.Name):
        return ""
    return None if base.id == "object" else base.id


def _runs_base_init(cls: ast.ClassDef) -> bool:
    """No `__init__` (the base's runs), or one calling `super().__init__` / `Base.__init__`."""
    init = next((s for s in cls.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
    if init is None:
        return True
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "__init__"
               for n in ast.walk(init))


def assigned_on_self(tree: ast.Module, class_name: str) -> set[str]:
    """Attributes a class's `__init__` assigns on its first parameter (`self.name = name`)."""
    cls = next((s for s in tree.body if isinstance(s, ast.ClassDef) and s.name == class_name), None)
    init = next((s for s in (cls.body if cls else ()) if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None)
    if init is None or not init.args.args:
        return set()
    self_name = init.args.args[0].arg
    return {t.attr for n in ast.walk(init) if isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign))
            for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == self_name}


def module_roots(chains: dict[str, list[str]], converted_owners: Collection[str]) -> set[str]:
    """The roots that become tf.Modules: those of owner classes with converted methods."""
    return {chains[o][-1] for o in converted_owners if o in chains}


def as_module_root(cls: cst.ClassDef, tf_alias: str, name_arg: str = "") -> cst.ClassDef:
    """`class Model(object)` -> `class Model(tf.Module)`, tf.Module's `__init__` run first
    (`name_arg`: `name='critic_object'` where the default would take a scope its modules need)."""
    body = list(cls.body.body)
    init = next((i for i, s in enumerate(body) if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"), None)
    if init is None:
        new_init = cst.parse_statement(f"def __init__(self):\n    super().__init__({name_arg})\n")
        body.insert(0, new_init)
    else:
        fn = body[init]
        stmts = list(fn.body.body)
        at = 1 if stmts and _is_docstring(stmts[0]) else 0
        stmts.insert(at, cst.parse_statement(f"super().__init__({name_arg})\n"))
        body[init] = fn.with_changes(body=fn.body.with_changes(body=stmts))
    return cls.with_changes(bases=[cst.Arg(cst.parse_expression(f"{tf_alias}.Module"))],
                            lpar=cst.LeftParen(), rpar=cst.RightParen(),
                            body=cls.body.with_changes(body=body))


def _is_docstring(stmt: cst.BaseStatement) -> bool:
    return (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Expr)
            and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))
