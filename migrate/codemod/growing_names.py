"""Scope names that differ each time they are evaluated, because a list grows between (P's G5).

pix2pix's discriminator names every layer's scope `"layer_%d" % (len(layers) + 1)`, in a loop and
again after it, and each of those scopes appends to `layers`. The two `with` statements spell the
same expression, so the converter saw one scope entered twice (and refused the unnamed layers it
would have named `conv2d_1`), where TF1 entered `layer_2`, `layer_3`, then `layer_4`.

`grows_between_uses(fn, text)` proves the expression `text` takes a new value at each evaluation
in `fn`: it is `"...%d..." % (len(L) + c)` (or `len(L)`, or `.format(len(L) + c)`), `L` is a plain
local list that only ever grows by `L.append(...)`, and every scope named by it appends to `L`
unconditionally in its own body, except the last such `with` when it is outside any loop (no
evaluation follows it). The converter keys modules by the evaluated name (`self.m[name]`), so each
scope gets its own, as TF1's did.
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit

_EMPTY = cst.Module(body=[])


def grows_between_uses(fn: cst.FunctionDef | None, text: str) -> bool:
    if fn is None:
        return False
    sites = _ScopeSites(text)
    fast_visit(fn.body, sites)
    if len(sites.found) < 2:
        return False
    expr = sites.found[0][0]
    listed = _counted_list(expr)
    if listed is None or not _only_grows(fn, listed):
        return False
    *earlier, (_, last_body, last_in_loop) = sites.found
    checked = [(b, loop) for _, b, loop in earlier] + ([(last_body, last_in_loop)] if last_in_loop else [])
    return all(_appends_unconditionally(body, listed) for body, _ in checked)


class _ScopeSites(cst.CSTVisitor):
    """`with ...variable_scope(<text>, ...)` statements: (expression, body, inside a loop)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.loops = 0
        self.found: list[tuple[cst.BaseExpression, cst.BaseSuite, bool]] = []

    def visit_For(self, node: cst.For) -> None:
        self.loops += 1

    def leave_For(self, original: cst.For) -> None:
        self.loops -= 1

    def visit_While(self, node: cst.While) -> None:
        self.loops += 1

    def leave_While(self, original: cst.While) -> None:
        self.loops -= 1

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            call = item.item
            if (isinstance(call, cst.Call) and isinstance(call.func, (cst.Attribute, cst.Name)) and call.args
                    and _last_name(call.func) == "variable_scope" and call.args[0].keyword is None
                    and _EMPTY.code_for_node(call.args[0].value) == self.text):
                self.found.append((call.args[0].value, node.body, self.loops > 0))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # a nested def runs when it is called: not provable here

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False


def _last_name(func: cst.BaseExpression) -> str:
    return func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""


def _counted_list(expr: cst.BaseExpression) -> str | None:
    """`L` of `"fmt" % (len(L) + c)` / `"fmt" % len(L)` / `"fmt".format(len(L) + c)`, one integer
    conversion in the format (so the name is a one-to-one function of len(L))."""
    if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Modulo) \
            and isinstance(expr.left, cst.SimpleString):
        fmt = expr.left.evaluated_value
        if not isinstance(fmt, str) or fmt.replace("%%", "").count("%") != 1 or ("%d" not in fmt and "%s" not in fmt):
            return None
        value = expr.right
        if isinstance(value, cst.Tuple) and len(value.elements) == 1:
            value = value.elements[0].value
        return _len_plus_constant(value)
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "format" \
            and isinstance(expr.func.value, cst.SimpleString) and len(expr.args) == 1 and expr.args[0].keyword is None:
        fmt = expr.func.value.evaluated_value
        if not isinstance(fmt, str) or fmt.count("{") != 1 or ("{}" not in fmt and "{0}" not in fmt):
            return None
        return _len_plus_constant(expr.args[0].value)
    return None


def _len_plus_constant(value: cst.BaseExpression) -> str | None:
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add) \
            and isinstance(value.right, cst.Integer):
        value = value.left
    if (isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "len"
            and len(value.args) == 1 and isinstance(value.args[0].value, cst.Name)):
        return value.args[0].value.value
    return None


def _only_grows(fn: cst.FunctionDef, listed: str) -> bool:
    """`L` is bound once to a list (`L = []`), never a parameter, and its only other uses are
    reads and `L.append(...)` (no pop, del, slice assignment, clear, rebinding)."""
    if any(p.name.value == listed for p in (*fn.params.params, *fn.params.kwonly_params, *fn.params.posonly_params)):
        return False
    uses = _ListUses(listed)
    fast_visit(fn.body, uses)
    return uses.bound == 1 and not uses.shrinks


class _ListUses(cst.CSTVisitor):
    _GROWS = {"append"}
    _READS = {"index", "count", "copy"}

    def __init__(self, listed: str) -> None:
        super().__init__()
        self.listed = listed
        self.bound = 0
        self.shrinks = False

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._target(target.target, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._target(node.target, None)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._target(node.target, node.value)

    def visit_For(self, node: cst.For) -> None:
        self._target(node.target, None)

    def visit_Del(self, node: cst.Del) -> None:
        if self.listed in _EMPTY.code_for_node(node.target):
            self.shrinks = True

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Name) and node.value.value == self.listed \
                and node.attr.value not in self._GROWS | self._READS:
            self.shrinks = True  # pop, remove, clear, insert (before the counted ones), sort, ...

    def visit_Global(self, node: cst.Global) -> None:
        if any(n.name.value == self.listed for n in node.names):
            self.shrinks = True

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        if any(n.name.value == self.listed for n in node.names):
            self.shrinks = True

    def _target(self, target: cst.BaseExpression, value: cst.BaseExpression | None) -> None:
        if isinstance(target, cst.Name) and target.value == self.listed:
            if isinstance(value, cst.List) and not value.elements:
                self.bound += 1
            else:
                self.shrinks = True  # rebound (or +=: not only append)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._target(element.value, None)
        elif isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name) \
                and target.value.value == self.listed:
            self.shrinks = True  # L[a:b] = ...


def _appends_unconditionally(body: cst.BaseSuite, listed: str) -> bool:
    """A top-level statement of the `with` body is `L.append(...)`, with no return, break,
    continue or raise before it."""
    statements = body.body if isinstance(body, cst.IndentedBlock) else [body]
    for stmt in statements:
        if not isinstance(stmt, cst.SimpleStatementLine):
            if _exits(stmt):
                return False
            continue
        for small in stmt.body:
            if isinstance(small, (cst.Return, cst.Break, cst.Continue, cst.Raise)):
                return False
            if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
                func = small.value.func
                if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
                        and func.value.value == listed and func.attr.value == "append":
                    return True
    return False


def _exits(stmt: cst.CSTNode) -> bool:
    found = _Exits()
    fast_visit(stmt, found)
    return found.found


class _Exits(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def visit_Return(self, node: cst.Return) -> None:
        self.found = True

    def visit_Break(self, node: cst.Break) -> None:
        self.found = True

    def visit_Continue(self, node: cst.Continue) -> None:
        self.found = True

    def visit_Raise(self, node: cst.Raise) -> None:
        self.found = True

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False


def entered_anew(converter, site_key: tuple) -> bool:
    """For the body converter (body.BodyConverter): this call of a helper reaches the submodule an
    earlier call made (`site_key`), but under another `with` of a growing scope name: at run time
    another scope (`layer_4` after `layer_2`, `layer_3`), keyed by its evaluated name. Two calls
    under one `with` of it are one scope entered twice: not new."""
    fn = converter.info.node
    growing = [f for f in converter.frames if f.kind == "var" and f.dynamic and f.expr is not None
               and _grows_cached(converter, fn, _EMPTY.code_for_node(f.expr))]
    earlier = converter.__dict__.setdefault("_growing_site_frames", {}).setdefault(site_key, [])
    new = bool(growing) and bool(earlier) and any(all(g not in frames for frames in earlier) for g in growing)
    earlier.append([f for f in converter.frames])  # (the frame objects stay alive: identities stay unique)
    return new


def _grows_cached(converter, fn: cst.FunctionDef | None, text: str) -> bool:
    cache = converter.__dict__.setdefault("_growing_names", {})
    if text not in cache:
        cache[text] = grows_between_uses(fn, text)
    return cache[text]
