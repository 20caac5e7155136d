"""A model class's own variable listing by its name (P's H20): in a class that became a tf.Module,

    @property
    def vars(self):
        return [var for var in tf.global_variables() if self.name in var.name]

read the graph's collections, which a TF2 module never fills: on TF2 it returned []. When every
converted method of the class creates its variables under `variable_scope(self.<attr>)` (so all
the module's variables carry that name) and the filter selects by that same attribute
(`self.<attr> in v.name`, `v.name.startswith(self.<attr>)`), the listing iterates the module's
own `self.variables` / `self.trainable_variables` instead, the filter kept: the names are TF1's,
so it selects what TF1 selected, except variables of other objects whose names contain this one's
(TF1's substring match reached them too; they are not this module's). Other listings stay and
are reported (migrate.codemod.listing_leftovers).
"""

from __future__ import annotations

import ast

import libcst as cst

from migrate.codemod.lookups import ast_listing
from migrate.codemod.tfapi import TfNames
from migrate.result import ConvertedFunction

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


def own_listing_sites(tree: ast.Module, tf: TfNames,
                      functions: tuple[ConvertedFunction, ...] | list[ConvertedFunction]) -> dict[tuple[str, str], tuple[int, int, str]]:
    """(class, method) -> (line, column, attribute of the module) of the listing to rewrite: one
    comprehension `for v in tf.global_variables() if <self.attr filter>` in a kept method of a
    class whose converted methods all scope their variables by `self.attr`."""
    converted = {f.legacy_name for f in functions if f.variables or f.submodules}
    out: dict[tuple[str, str], tuple[int, int, str]] = {}
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        methods = {m.name: m for m in cls.body if isinstance(m, _DEFS)}
        mine = [m for name, m in methods.items() if f"{cls.name}.{name}" in converted]
        if not mine:
            continue
        attrs = {_scope_attribute(tf, m) for m in mine}
        if len(attrs) != 1 or None in attrs:
            continue
        attr = attrs.pop()
        for name, m in methods.items():
            if f"{cls.name}.{name}" in converted or not m.args.args:
                continue
            site = _filtered_listing(tf, m, m.args.args[0].arg, attr)
            if site is not None:
                out[(cls.name, name)] = site
    return out


def _scope_attribute(tf: TfNames, method: ast.FunctionDef) -> str | None:
    """`a` when the method's calls all run inside a top-level `with tf.variable_scope(self.a)`."""
    if not method.args.args:
        return None
    self_name = method.args.args[0].arg
    found = None
    for stmt in method.body:
        if isinstance(stmt, ast.With) and len(stmt.items) == 1 and isinstance(stmt.items[0].context_expr, ast.Call):
            call = stmt.items[0].context_expr
            if tf.api(call.func) == "variable_scope" and call.args and _self_attr(call.args[0], self_name):
                if found is not None:
                    return None
                found = call.args[0].attr
                continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # the docstring
        if any(isinstance(n, ast.Call) for n in ast.walk(stmt)):
            return None
    return found


def _self_attr(expr: ast.expr, self_name: str) -> bool:
    return isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == self_name


def _filtered_listing(tf: TfNames, method: ast.FunctionDef, self_name: str, attr: str) -> tuple[int, int, str] | None:
    body = [s for s in method.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(body) != 1 or not isinstance(body[0], ast.Return) or not isinstance(body[0].value, ast.ListComp):
        return None
    comp = body[0].value
    if len(comp.generators) != 1:
        return None
    gen = comp.generators[0]
    if not isinstance(gen.target, ast.Name) or len(gen.ifs) != 1 or not isinstance(gen.iter, ast.Call):
        return None
    listing = ast_listing(tf, gen.iter)
    if listing is None or listing[1] is not None or listing[0] not in ("all", "trainable"):
        return None
    if not _selects_by(gen.ifs[0], gen.target.id, self_name, attr):
        return None
    return gen.iter.lineno, gen.iter.col_offset, "trainable_variables" if listing[0] == "trainable" else "variables"


def _selects_by(test: ast.expr, var: str, self_name: str, attr: str) -> bool:
    """`self.attr in v.name` or `v.name.startswith(self.attr)`."""
    def var_name(e: ast.expr) -> bool:
        return isinstance(e, ast.Attribute) and e.attr == "name" and isinstance(e.value, ast.Name) and e.value.id == var

    def own(e: ast.expr) -> bool:
        return _self_attr(e, self_name) and e.attr == attr

    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.In):
        return own(test.left) and var_name(test.comparators[0])
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr == "startswith":
        return var_name(test.func.value) and len(test.args) == 1 and not test.keywords and own(test.args[0])
    return False


def rewrite_own_listings(module: cst.Module, sites: dict[tuple[str, str], tuple[int, int, str]]) -> cst.Module:
    """The listings of `sites` iterate `self.<variables>` of the module instead."""
    if not sites:
        return module
    return module.visit(_Rewrite(sites))


class _Rewrite(cst.CSTTransformer):
    def __init__(self, sites: dict[tuple[str, str], tuple[int, int, str]]) -> None:
        super().__init__()
        self.sites = sites
        self.classes: list[str] = []
        self.method: list[str] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node.name.value)

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self.classes.pop()
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.method.append(node.name.value)

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        name = self.method.pop()
        site = self.sites.get((self.classes[-1], name)) if self.classes and len(self.method) == 0 else None
        if site is None or not updated.params.params:
            return updated
        self_name = updated.params.params[0].name.value
        return updated.visit(_Iterable(f"{self_name}.{site[2]}"))


class _Iterable(cst.CSTTransformer):
    def __init__(self, replacement: str) -> None:
        super().__init__()
        self.replacement = replacement

    def leave_CompFor(self, original: cst.CompFor, updated: cst.CompFor) -> cst.CompFor:
        return updated.with_changes(iter=cst.parse_expression(self.replacement))
