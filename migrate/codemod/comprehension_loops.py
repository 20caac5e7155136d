"""List comprehensions that make layers, written as the `for` loop they run:
`tf.concat([conv1d(x, k, 128, 'conv1d_%d' % k) for k in range(1, K + 1)], -1)` (tacotron's
convolution bank) becomes

    conv1d_outputs = []
    for k in range(1, K + 1):
        conv1d_outputs.append(conv1d(x, k, 128, 'conv1d_%d' % k))
    conv_outputs = tf.concat(conv1d_outputs, -1)

The codemod converts creators called in loops (keyed modules, TF1's numbers) but not inside a
comprehension. The loop runs the same calls in the same order; it is exact when nothing else in
the statement runs code before the comprehension that could make variables (only TF ops that
create none, builtins and methods of local values), the comprehension is evaluated
unconditionally (not under `and` / `or` / `x if c else y`), has one `for` and no `if`, and its
variables are names of nothing else in the function (the loop leaves them bound). Runs on the
text before the other layer passes (migrate/codemod/layer_objects.py), which see the loop.
"""

from __future__ import annotations

import libcst as cst

_SAFE = frozenset({
    "range", "len", "zip", "enumerate", "reversed", "list", "tuple", "dict", "set", "int",
    "float", "str", "bool", "min", "max", "abs", "sum", "sorted", "isinstance", "print",
    "getattr", "hasattr", "round", "any", "all", "repr", "format"})


class _Names(cst.CSTVisitor):
    """Every Name of a function (not attribute names or keywords) and its assigned locals."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def visit_Name(self, node: cst.Name) -> None:
        self.counts[node.value] = self.counts.get(node.value, 0) + 1

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False


def _names(node: cst.CSTNode) -> dict[str, int]:
    visitor = _Names()
    node.visit(visitor)
    return visitor.counts


class _Calls(cst.CSTVisitor):
    """The calls of an expression, and whether a comprehension / lambda / short-circuit is in it."""

    def __init__(self, skip: cst.CSTNode | None = None) -> None:
        self.skip = skip
        self.calls: list[cst.Call] = []
        self.comps: list[cst.ListComp] = []
        self.odd = False  # a lambda, another comprehension kind, or conditional evaluation

    def on_visit(self, node: cst.CSTNode) -> bool:
        if node is self.skip:
            return False
        if isinstance(node, cst.ListComp):
            self.comps.append(node)
            return False
        if isinstance(node, (cst.Lambda, cst.GeneratorExp, cst.SetComp, cst.DictComp,
                             cst.BooleanOperation, cst.IfExp, cst.NamedExpr, cst.Await,
                             cst.Yield)):
            self.odd = True
            return False
        if isinstance(node, cst.Call):
            self.calls.append(node)
        return True


def _root(func: cst.BaseExpression) -> cst.BaseExpression:
    while isinstance(func, (cst.Attribute, cst.Subscript)):
        func = func.value
    return func


def _makes_layers(call: cst.Call, tf, creators, local: set[str]) -> bool:
    """A call that may create variables: a creator, a layer called, code of the run's own (not
    a layer's or a cell's construction: those create nothing)."""
    from migrate.codemod.layer_objects import LAYER_CLASSES as layer_classes

    api = tf.api(call.func)
    if api is not None:
        return api in creators
    func = call.func
    if isinstance(func, cst.Call):  # a layer built and called at once: `tf.layers.Dense(4)(x)`
        return _makes_layers(func, tf, creators, local) or tf.api(func.func) in layer_classes
    if isinstance(func, cst.Name):
        return func.value not in _SAFE
    root = _root(func)
    if isinstance(root, cst.Name):
        return root.value in ("self", "cls") or root.value not in local
    return False


def _stays_put(call: cst.Call, tf, creators, local: set[str]) -> bool:
    """A call that makes no variables (TF ops, builtins, methods of local values)."""
    return not _makes_layers(call, tf, creators, local)


def unroll(module: cst.Module, tf, functions, creators: frozenset[str],
           only: frozenset[str | None] | None = None) -> tuple[cst.Module, set[str]]:
    """`functions`: (qualname, FunctionDef, ClassDef | None) of the module. Returns the module
    with every eligible comprehension unrolled, and the functions changed."""
    replacements: dict[int, cst.FunctionDef] = {}
    regions: set[str] = set()
    for qualname, function, _ in functions:
        if only is not None and qualname not in only:
            continue
        if not _has_list_comp(function):
            continue  # (_unrolled acts on a statement with one list comprehension: none here)
        new = _unroll_function(function, tf, creators)
        if new is not None:
            replacements[id(function)] = new
            regions.add(qualname)
    if not replacements:
        return module, regions

    class _Swap(cst.CSTTransformer):
        def leave_FunctionDef(self, original, updated):
            return replacements.get(id(original), updated)

    from migrate.codemod.fastwalk import visit as fast_visit

    return fast_visit(module, _Swap()), regions  # (rebuilds only the functions swapped)


class _ListComps(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_ListComp(self, node: cst.ListComp) -> bool:
        self.found = True
        return False


def _has_list_comp(function: cst.FunctionDef) -> bool:
    """A cheap test (the fast walker, migrate/codemod/fastwalk.py) before the costly names scans."""
    from migrate.codemod.fastwalk import visit as fast_visit

    found = _ListComps()
    fast_visit(function, found)
    return found.found


def _unroll_function(function: cst.FunctionDef, tf, creators) -> cst.FunctionDef | None:
    names = _names(function)
    local = _locals(function)
    changed = False

    class _Statements(cst.CSTTransformer):
        def __init__(self) -> None:
            self.depth = 0

        def visit_FunctionDef(self, node) -> None:
            self.depth += 1

        def leave_FunctionDef(self, original, updated):
            self.depth -= 1
            return updated

        def visit_Lambda(self, node) -> None:
            self.depth += 1

        def leave_Lambda(self, original, updated):
            self.depth -= 1
            return updated

        def visit_ClassDef(self, node) -> None:
            self.depth += 1

        def leave_ClassDef(self, original, updated):
            self.depth -= 1
            return updated

        def leave_SimpleStatementLine(self, original, updated):
            nonlocal changed
            if self.depth != 1:
                return updated
            lines = _unrolled(original, tf, creators, names, local)
            if lines is None:
                return updated
            changed = True
            return cst.FlattenSentinel(lines)

    new = function.visit(_Statements())
    return new if changed else None


def _locals(function: cst.FunctionDef) -> set[str]:
    found: set[str] = set()
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        found.add(param.name.value)
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            found.add(star.name.value)

    class _Bound(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            found.update(_target_names(node.target))

        def visit_For(self, node: cst.For) -> None:
            found.update(_target_names(node.target))

        def visit_WithItem(self, node: cst.WithItem) -> None:
            if node.asname is not None:
                found.update(_target_names(node.asname.name))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            found.update(_target_names(node.target))

    function.body.visit(_Bound())
    return found


def _target_names(target: cst.CSTNode) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [n for e in target.elements for n in _target_names(e.value)]
    return []


def _unrolled(line: cst.SimpleStatementLine, tf, creators, names: dict[str, int],
              local: set[str]) -> list[cst.BaseStatement] | None:
    if len(line.body) != 1 or not isinstance(line.body[0], (cst.Assign, cst.Expr, cst.Return,
                                                            cst.AugAssign)):
        return None
    statement = line.body[0]
    outer = _Calls()
    statement.visit(outer)
    if outer.odd or len(outer.comps) != 1:
        return None
    comp = outer.comps[0]
    comp_for = comp.for_in
    if comp_for.inner_for_in is not None or comp_for.ifs or comp_for.asynchronous is not None:
        return None
    inner = _Calls()
    comp.elt.visit(inner)
    if inner.odd or inner.comps:
        return None
    # (the calls the comprehension's element makes, itself included: one creates variables)
    makers = [c for c in inner.calls if _makes_layers(c, tf, creators, local)]
    if not makers:
        return None
    if not all(_stays_put(c, tf, creators, local) for c in outer.calls):
        return None
    bound = _target_names(comp_for.target)
    if not bound or any(names.get(n, 0) != _names(comp).get(n, 0) for n in bound):
        return None  # (the loop leaves its variables bound: they must be new to the function)
    if _names(comp_for.iter).keys() & set(bound):
        return None
    func = makers[0].func
    while isinstance(func, cst.Call):
        func = func.func
    stem = func.attr.value if isinstance(func, cst.Attribute) else (
        func.value if isinstance(func, cst.Name) else "layer")
    stem = stem.lstrip("_") or "layer"
    whole = isinstance(statement, cst.Assign) and statement.value is comp \
        and len(statement.targets) == 1 and isinstance(statement.targets[0].target, cst.Name) \
        and statement.targets[0].target.value not in _names(comp)
    if whole:  # `heads = [...]`: `heads = []`, appended to by the loop
        items = statement.targets[0].target.value
    else:
        items = next(n for n in (f"{stem}_outputs", f"{stem}_outputs_1", f"{stem}_outputs_2",
                                 f"{stem}_outputs_3") if n not in names)
        names[items] = 1
    indent = "    "
    first = cst.parse_statement(f"{items} = []\n")  # (then the loop, then the statement)
    loop = cst.For(
        target=comp_for.target,
        iter=comp_for.iter,
        body=cst.IndentedBlock([cst.SimpleStatementLine([cst.Expr(cst.Call(
            cst.Attribute(cst.Name(items), cst.Name("append")), [cst.Arg(comp.elt)]))])],
            indent=indent))

    class _Put(cst.CSTTransformer):
        def leave_ListComp(self, original, updated):
            return cst.Name(items) if original is comp else updated

    first = first.with_changes(leading_lines=line.leading_lines)
    if whole:
        return [first, loop]
    rest = line.with_changes(body=[statement.visit(_Put())], leading_lines=())
    return [first, loop, rest]
