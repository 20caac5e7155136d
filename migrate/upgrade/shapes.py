"""Which `.value` reads are provably on a TF1 `Dimension` (TF2 shapes index to int / None).

`x.shape[i].value` is the direct form. Dimensions are also reached by iterating a shape
(`for d in x.get_shape()`, `all(d.value ... for d in x.shape[1:])`), unpacking one
(`a, b = x.shape`) or indexing a name bound to one (`dims = x.shape; dims[1].value`). A name
counts only when *every* binding of it in its scope is of that kind: the function's own body
(comprehensions included, nested functions and classes not), or the module's top level. The scan
runs only for scopes where such a `.value` is met, so files without one pay nothing.
"""

from __future__ import annotations

import libcst as cst

from migrate.upgrade.walk import walk

SHAPE, DIM, OTHER = "shape", "dim", "other"


def is_shape_call(expr: cst.BaseExpression) -> bool:
    """`E.get_shape()`."""
    return (isinstance(expr, cst.Call) and not expr.args and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value == "get_shape")


def _is_index(sub: cst.Subscript) -> bool:
    return len(sub.slice) == 1 and isinstance(sub.slice[0].slice, cst.Index)


def _is_slice(sub: cst.Subscript) -> bool:
    return len(sub.slice) == 1 and isinstance(sub.slice[0].slice, cst.Slice)


class Names:
    """The kind of each name of one scope: SHAPE (a TensorShape), DIM (a Dimension) or OTHER."""

    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds

    def kind(self, name: str) -> str:
        return self.kinds.get(name, OTHER)

    def shape(self, expr: cst.BaseExpression) -> bool:
        """`E.shape`, `E.get_shape()`, a slice of one, or a name bound only to one."""
        if isinstance(expr, cst.Attribute) and expr.attr.value == "shape" and not expr.lpar:
            return True
        if is_shape_call(expr):
            return True
        if isinstance(expr, cst.Subscript) and _is_slice(expr):
            return self.shape(expr.value)
        return isinstance(expr, cst.Name) and self.kind(expr.value) == SHAPE

    def dimension(self, expr: cst.BaseExpression) -> bool:
        """`S[i]` of a shape `S`, or a name bound only to dimensions."""
        if isinstance(expr, cst.Subscript) and _is_index(expr):
            return self.shape(expr.value)
        return isinstance(expr, cst.Name) and self.kind(expr.value) == DIM


NO_NAMES = Names({})


class _Bindings(cst.CSTVisitor):
    """Every binding of a name in one scope, with the kind of value it binds."""

    def __init__(self) -> None:
        self.found: dict[str, set[str]] = {}
        self.shape_names = Names({})  # names known so far to be shapes (for `dims = x.shape`)

    def bind(self, target: cst.BaseExpression | None, kind: str) -> None:
        if isinstance(target, cst.Name):
            self.found.setdefault(target.value, set()).add(kind)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                if isinstance(element, cst.StarredElement):
                    self.bind(element.value, OTHER)
                else:
                    self.bind(element.value, DIM if kind == SHAPE else OTHER)
        elif isinstance(target, cst.StarredElement):
            self.bind(target.value, OTHER)

    def _value_kind(self, value: cst.BaseExpression | None) -> str:
        return SHAPE if value is not None and self.shape_names.shape(value) else OTHER

    def visit_Assign(self, node: cst.Assign) -> None:
        kind = self._value_kind(node.value)
        for target in node.targets:
            self.bind(target.target, kind)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.bind(node.target, OTHER if isinstance(node.target, cst.Tuple) else self._value_kind(node.value))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.bind(node.target, OTHER)

    def _iteration(self, target: cst.BaseExpression, iterable: cst.BaseExpression) -> None:
        self.bind(target, DIM if isinstance(target, cst.Name) and self.shape_names.shape(iterable) else OTHER)

    def visit_For(self, node: cst.For) -> None:
        self._iteration(node.target, node.iter)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._iteration(node.target, node.iter)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self.bind(node.asname.name, OTHER)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.bind(node.target, OTHER)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self.bind(node.name.name, OTHER)

    def visit_Param(self, node: cst.Param) -> None:
        self.bind(node.name, OTHER)

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is not None:
            self.bind(node.asname.name, OTHER)
        else:
            first = node.name
            while isinstance(first, cst.Attribute):
                first = first.value
            self.bind(first, OTHER)

    def visit_Global(self, node: cst.Global) -> None:
        for item in node.names:
            self.bind(item.name, OTHER)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        for item in node.names:
            self.bind(item.name, OTHER)

    def visit_MatchAs(self, node: cst.MatchAs) -> None:
        if node.name is not None:
            self.bind(node.name, OTHER)

    def visit_MatchStar(self, node: cst.MatchStar) -> None:
        if node.name is not None:
            self.bind(node.name, OTHER)

    def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
        if node.rest is not None:
            self.bind(node.rest, OTHER)

    # Nested scopes: their name binds here, their body is theirs.
    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.bind(node.name, OTHER)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.bind(node.name, OTHER)
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False


def scope_names(scope: cst.Module | cst.FunctionDef) -> Names:
    """The kinds of the names `scope` binds (its parameters and body, not nested scopes)."""
    shapes: dict[str, str] = {}
    # Twice: the second pass sees which names the first found to be shapes (`dims = x.shape`).
    for _ in range(2):
        scan = _Bindings()
        scan.shape_names = Names(shapes)
        if isinstance(scope, cst.FunctionDef):
            walk(scope.params, scan)
            walk(scope.body, scan)
        else:
            for stmt in scope.body:
                walk(stmt, scan)
        kinds = {name: next(iter(k)) if len(k) == 1 else OTHER for name, k in scan.found.items()}
        shapes = {name: kind for name, kind in kinds.items() if kind == SHAPE}
    return Names(kinds)
