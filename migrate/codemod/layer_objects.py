"""tf.layers layer objects (`conv = tf.layers.SeparableConv1D(...)` ... `conv.apply(x)`) written
as the functional creators the codemod converts, when that is exactly what TF1 ran.

TF1 semantics (tf_keras legacy_tf_layers/base.py): constructing a layer creates nothing; its
first call opens `variable_scope(None, default_name=<name or dense/conv2d/...>)` in the variable
scope active *at that call*, creates the variables there and keeps that scope: later calls reuse
it wherever they run. So a layer object local to one function is the functional creator with the
constructor's arguments at its call site (`tf.layers.separable_conv1d(x, 64, 11, name=...)`):

- one call, not repeated by a loop the construction is outside of: exactly the functional call;
- several calls, or one in such a loop: the functional call with `reuse=tf.AUTO_REUSE` at each
  site, which shares one set of variables only when every call runs in the construction's own
  variable scope (no `with` between them) and the layer has a literal `name` (with
  `name=None` the first call's uniquified `dense_N` would not be the one a later call reuses).

Anything else stays a layer object and is refused by the codemod (`implicit-creator`), with an
info note here saying why: a layer stored on `self` or passed around, a construction in a loop
with a fixed name (TF1 made `fc`, `fc_1`, ... one per iteration), constructor arguments
reassigned before the call, two layers of the same name, `*args` / `**kwargs`, call arguments
other than the input (and `training=` for BatchNormalization).

Runs on the source text before the codemod, like migrate/codemod/arg_scopes.py, whose result
type and line mapping it shares; functions the codemod then keeps as TF1 get their layer objects
back as written.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.arg_scopes import ArgScopeResult, back_to_original
from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.creators import SPECS
from migrate.codemod.layerless import layerless_names
from migrate.codemod.tfapi import TfNames, collect_tf_names
from migrate.cstparse import parse_module
from migrate.diagnostics import Diagnostic
from migrate.upgrade.codegen import all_positions

# layer class API -> its functional creator's API
LAYER_CLASSES = {
    "layers.Dense": "layers.dense", "layers.Conv1D": "layers.conv1d",
    "layers.Conv2D": "layers.conv2d", "layers.Conv3D": "layers.conv3d",
    "layers.Conv2DTranspose": "layers.conv2d_transpose",
    "layers.SeparableConv1D": "layers.separable_conv1d",
    "layers.SeparableConv2D": "layers.separable_conv2d",
    "layers.BatchNormalization": "layers.batch_normalization",
}
# Constructor parameters in positional order: the functional ones after `inputs` (without
# `reuse`), except BatchNormalization's, whose `training` is a call argument.
_BN_CTOR = ("axis", "momentum", "epsilon", "center", "scale", "beta_initializer",
            "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
            "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint",
            "renorm", "renorm_clipping", "renorm_momentum", "fused", "trainable",
            "virtual_batch_size", "adjustment", "name")
_CALL_KEYWORDS = {"layers.batch_normalization": frozenset({"training"})}


def _ctor_params(functional: str) -> tuple[str, ...]:
    if functional == "layers.batch_normalization":
        return _BN_CTOR
    return tuple(p for p in SPECS[functional].params[1:] if p != "reuse")


@dataclass
class _Site:
    node: cst.Call
    withs: tuple[int, ...]  # ids of the enclosing With nodes inside the function
    loops: tuple[int, ...]  # ids of the enclosing For/While nodes inside the function
    line: int
    fresh_scope: bool = False  # a variable_scope `with` inside the innermost enclosing loop


@dataclass
class _Layer:
    name: str
    statement: cst.SimpleStatementLine
    call: cst.Call
    functional: str
    site: _Site
    uses: list[_Site] = field(default_factory=list)
    other_use: int = 0  # line of a use that is not a call


class _FunctionScan(cst.CSTVisitor):
    """One function's layer constructions, the uses of their names and every assignment."""

    def __init__(self, tf: TfNames, positions) -> None:
        self.tf = tf
        self.positions = positions
        self.withs: list[int] = []
        self.loops: list[int] = []
        self.nesting: list[str] = []  # "loop" / "scope" (a variable_scope with) / "with"
        self.depth = 0  # nested defs / lambdas / classes
        self.layers: dict[str, _Layer] = {}
        self.duplicates: set[str] = set()
        self.stored: list[tuple[str, int]] = []  # layers built into an attribute / subscript
        self.assigned: dict[str, list[int]] = {}
        self.calls: dict[int, tuple[str, _Site]] = {}  # id(call) of a layer call -> (layer, site)

    def _line(self, node: cst.CSTNode) -> int:
        return self.positions[node].start.line

    def _site(self, node: cst.Call) -> _Site:
        inner = self.nesting[len(self.nesting) - self.nesting[::-1].index("loop"):] \
            if "loop" in self.nesting else []
        return _Site(node, tuple(self.withs), tuple(self.loops), self._line(node),
                     "scope" in inner)

    def visit_With(self, node: cst.With) -> None:
        self.withs.append(id(node))
        scope = any(isinstance(item.item, cst.Call) and self.tf.api(item.item.func) in (
            "variable_scope", "variable_op_scope") for item in node.items)
        self.nesting.append("scope" if scope else "with")

    def leave_With(self, node: cst.With) -> None:
        self.withs.pop()
        self.nesting.pop()

    def visit_For(self, node: cst.For) -> None:
        self.loops.append(id(node))
        self.nesting.append("loop")
        self._targets(node.target, node)

    def leave_For(self, node: cst.For) -> None:
        self.loops.pop()
        self.nesting.pop()

    def visit_While(self, node: cst.While) -> None:
        self.loops.append(id(node))
        self.nesting.append("loop")

    def leave_While(self, node: cst.While) -> None:
        self.loops.pop()
        self.nesting.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth += 1

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth -= 1

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.depth += 1

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.depth -= 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.depth += 1

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.depth -= 1

    def _targets(self, target: cst.BaseExpression, at: cst.CSTNode) -> None:
        for node in _names_in(target):
            self.assigned.setdefault(node.value, []).append(self._line(at))

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self._targets(t.target, node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._targets(node.target, node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._targets(node.target, node)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._targets(node.asname.name, node)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._targets(node.target, node)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        if self.depth != 1 or len(node.body) != 1 or not isinstance(node.body[0], cst.Assign):
            return
        assign = node.body[0]
        if len(assign.targets) != 1 or not isinstance(assign.value, cst.Call):
            return
        api = self.tf.api(assign.value.func)
        if api not in LAYER_CLASSES:
            return
        if not isinstance(assign.targets[0].target, cst.Name):
            self.stored.append((api, self._line(node)))
            return
        name = assign.targets[0].target.value
        if name in self.layers:
            self.duplicates.add(name)
            return
        self.layers[name] = _Layer(name, node, assign.value, LAYER_CLASSES[api],
                                   self._site(assign.value))

    def visit_Call(self, node: cst.Call) -> None:
        if self.depth != 1:
            return  # a call in a nested function or lambda: counted as another use
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("apply", "__call__"):
            func = func.value
        if isinstance(func, cst.Name) and func.value in self.layers:
            self.calls[id(node)] = (func.value, self._site(node))

    def visit_Name(self, node: cst.Name) -> None:
        layer = self.layers.get(node.value)
        if layer is not None:
            layer.uses.append(_Site(node, tuple(self.withs), tuple(self.loops), self._line(node)))


def _names_in(target: cst.CSTNode) -> list[cst.Name]:
    if isinstance(target, cst.Name):
        return [target]
    found = []
    for child in target.children:
        if isinstance(child, (cst.Element, cst.StarredElement, cst.Tuple, cst.List, cst.Name)):
            found += _names_in(child)
        elif isinstance(child, cst.BaseExpression):
            continue  # an attribute or subscript target binds no local name
    return found


def _free_names(expr: cst.CSTNode) -> set[str]:
    names = set()

    class _Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

    expr.visit(_Names())
    return names


def _string(expr: cst.BaseExpression) -> str | None:
    if isinstance(expr, cst.SimpleString):
        try:
            value = ast.literal_eval(expr.value)
        except (ValueError, SyntaxError):
            return None
        return value if isinstance(value, str) else None
    return None


@dataclass
class _Plan:
    removed: set[int] = field(default_factory=set)  # id(statement)
    calls: dict[int, cst.Call] = field(default_factory=dict)  # id(call) -> functional call
    diagnostics: list[Diagnostic] = field(default_factory=list)
    replaced: dict[int, list[cst.BaseStatement]] = field(default_factory=dict)  # layer_attributes.py
    judged_lines: set[int] = field(default_factory=set)  # attribute layers layer_attributes.py judged
    # id(For) -> header (target: a name, or the node layer_inline.py builds)
    fors: dict[int, tuple[str | cst.BaseAssignTargetExpression, cst.BaseExpression]] = field(
        default_factory=dict)


def _plan_function(scan: _FunctionScan, tf_alias: str | None, plan: _Plan,
                   own_scope=lambda call: True) -> None:
    layer_calls: dict[str, list[_Site]] = {}
    for call_id, (name, site) in scan.calls.items():
        layer_calls.setdefault(name, []).append(site)
    literal_names: dict[str, int] = {}
    for layer in scan.layers.values():
        for arg in layer.call.args:
            if arg.keyword is not None and arg.keyword.value == "name" and _string(arg.value):
                literal_names[_string(arg.value)] = literal_names.get(_string(arg.value), 0) + 1
    for api, line in scan.stored:
        if line in plan.judged_lines:
            continue  # a layer on `self`: converted or explained by layer_attributes.py
        plan.diagnostics.append(Diagnostic(
            "implicit-creator", f"`tf.{api}` layer object stored on an object is kept: TF1 named "
            "its variables in the scope of its first call, which may run in any method; build it "
            "where it is called, or call the functional form there", line, 0, "info"))
    for layer in scan.layers.values():
        why, kwargs = _why_not(layer, layer_calls.get(layer.name, []), scan, tf_alias,
                               literal_names, own_scope)
        api = "tf." + next(k for k, v in LAYER_CLASSES.items() if v == layer.functional)
        if why is not None:
            plan.diagnostics.append(Diagnostic(
                "implicit-creator", f"`{api}` layer object `{layer.name}` is kept: {why}",
                layer.site.line, 0, "info"))
            continue
        plan.removed.add(id(layer.statement))
        for site, new in _functional_calls(layer, layer_calls[layer.name], kwargs, tf_alias):
            plan.calls[id(site.node)] = new


def _why_not(layer: _Layer, calls: list[_Site], scan: _FunctionScan, tf_alias: str | None,
             literal_names: dict[str, int], own_scope=lambda call: True):
    """(reason the layer object stays, None) or (None, constructor arguments as keywords)."""
    if layer.name in scan.duplicates or len(scan.assigned.get(layer.name, [])) != 1:
        return f"`{layer.name}` is assigned more than once", None
    call_nodes = {id(s.node.func if isinstance(s.node.func, cst.Name) else s.node.func.value)
                  for s in calls}
    if any(id(use.node) not in call_nodes for use in layer.uses if use.node is not
           layer.statement.body[0].targets[0].target):
        return "it is used other than by calling it (returned, stored or passed on)", None
    if not calls:
        return "it is never called here", None
    params = _ctor_params(layer.functional)
    kwargs: list[tuple[str, cst.BaseExpression]] = []
    for i, arg in enumerate(layer.call.args):
        if arg.star:
            return "its constructor takes *args / **kwargs", None
        keyword = arg.keyword.value if arg.keyword is not None else (
            params[i] if i < len(params) else None)
        if keyword is None or keyword not in params:
            return f"constructor argument {keyword or i} has no functional counterpart", None
        kwargs.append((keyword, arg.value))
    # The constructor's arguments are read when it runs; the functional call reads them at the
    # call: no name of theirs may change in between (for a repeated call: after it at all).
    repeated = _repeated(layer, calls)
    until = float("inf") if repeated else calls[0].line
    for keyword, value in kwargs:
        late = [line for n in _free_names(value) for line in scan.assigned.get(n, [])
                if layer.site.line < line < until]
        if late:
            return f"`{keyword}` depends on a name reassigned at line {min(late)}", None
    allowed = _CALL_KEYWORDS.get(layer.functional, frozenset())
    for site in calls:
        args = site.node.args
        if not args or args[0].keyword is not None or args[0].star or any(
                a.star or a.keyword is None or a.keyword.value not in allowed for a in args[1:]):
            return "a call passes more than its input" + (
                " (and training=)" if allowed else ""), None
    name = next((v for k, v in kwargs if k == "name"), None)
    if name is not None and _is_none(name):
        name = None
    literal = _string(name) if name is not None else None
    if literal is not None and literal_names.get(literal, 0) > 1:
        return f"two layers here are named {literal!r} (TF1 made {literal}, {literal}_1)", None
    if name is not None and not all(own_scope(s.node) for s in calls):
        from migrate.codemod.layer_inline import _CALLERS_SCOPE

        return _CALLERS_SCOPE, None
    if layer.site.loops and name is not None and not layer.site.fresh_scope:
        # (a variable_scope entered in the loop starts TF1's name counter afresh each time)
        spelled = repr(literal) if literal is not None else "`" + _code(name) + "`"
        return (f"it is constructed in a loop with the name {spelled} and no variable scope of "
                f"its own per iteration (TF1 uniquified it: {literal or 'name'}, "
                f"{literal or 'name'}_1, ...)"), None
    if repeated:
        if name is None:
            return "it is called more than once and has no name", None
        if any(s.withs != layer.site.withs for s in calls):
            return ("it is called more than once, not all in the variable scope it was "
                    "built in"), None
        if tf_alias is None:
            return "the file has no `tf` alias to spell tf.AUTO_REUSE", None
    return None, kwargs


def _repeated(layer: _Layer, calls: list[_Site]) -> bool:
    """More than one call runs: several call sites, or one in a loop the construction is not in."""
    loops = layer.site.loops
    return len(calls) > 1 or any(s.loops[:len(loops)] != loops or len(s.loops) > len(loops)
                                 for s in calls)


def _code(expr: cst.BaseExpression) -> str:
    return cst.Module(body=[]).code_for_node(expr)


def _is_none(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "None"


def _functional_calls(layer: _Layer, calls: list[_Site], kwargs, tf_alias: str | None):
    func = layer.call.func
    functional_attr = layer.functional.rsplit(".", 1)[-1]
    assert isinstance(func, cst.Attribute)
    new_func = func.with_changes(attr=cst.Name(functional_attr))
    repeated = _repeated(layer, calls)
    for site in calls:
        args = [site.node.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
        args += [cst.Arg(value, keyword=cst.Name(k),
                         equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))
                 for k, value in kwargs]
        args += [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in site.node.args[1:]]
        if repeated:
            args.append(cst.Arg(cst.parse_expression(f"{tf_alias}.AUTO_REUSE"),
                                keyword=cst.Name("reuse"),
                                equal=cst.AssignEqual(cst.SimpleWhitespace(""),
                                                      cst.SimpleWhitespace(""))))
        yield site, cst.Call(func=new_func, args=args)


class _Rewrite(cst.CSTTransformer):
    def __init__(self, plan: _Plan) -> None:
        self.plan = plan

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        new = self.plan.calls.get(id(original))
        if new is None:
            return updated
        # the call's own arguments as rewritten (a layer called on a layer: out(h(x)))
        values = {id(a.value): b.value for a, b in zip(original.args, updated.args)}
        return new.with_changes(args=[a.with_changes(value=values.get(id(a.value), a.value))
                                      for a in new.args])

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine,
                                  updated: cst.SimpleStatementLine):
        if id(original) in self.plan.removed:
            return cst.RemoveFromParent()
        if id(original) in self.plan.replaced:
            statements = self.plan.replaced[id(original)]
            return cst.FlattenSentinel(statements) if statements else cst.RemoveFromParent()
        return updated

    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        header = self.plan.fors.get(id(original))
        if header is None:
            return updated
        target = header[0] if isinstance(header[0], cst.CSTNode) else cst.Name(header[0])
        return updated.with_changes(target=target, iter=header[1])

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock):
        if not updated.body:  # (a method that only built layer objects)
            return updated.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        return updated


def _functions(module: cst.Module):
    """(qualname, FunctionDef) of top-level functions and methods of top-level classes."""
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            yield stmt.name.value, stmt
        elif isinstance(stmt, cst.ClassDef):
            for item in stmt.body.body:
                if isinstance(item, cst.FunctionDef):
                    yield f"{stmt.name.value}.{item.name.value}", item


_CLASS_NAMES = frozenset(cls.split(".", 1)[1] for cls in LAYER_CLASSES)


def _assigns_a_layer(tree: ast.Module) -> bool:
    """Some statement `x = ....Dense(...)` (a candidate; tfapi decides later what it is)."""
    def built(value: ast.expr) -> bool:
        if type(value) is ast.ListComp:  # a list of them on `self` (layer_attributes.py)
            value = value.elt
        return type(value) is ast.Call and type(value.func) is ast.Attribute \
            and value.func.attr in _CLASS_NAMES

    def called(node: ast.Call) -> bool:  # built and called at once (layer_inline.py)
        func = node.func
        if type(func) is ast.Attribute and func.attr in ("apply", "__call__"):
            func = func.value
        return built(func)

    return any((type(node) is ast.Assign and built(node.value))
               or (type(node) is ast.Call and called(node)) for node in ast.walk(tree))


def resolve_layer_objects(source: str, path: str = "<string>",
                          only: frozenset[str | None] | None = None) -> ArgScopeResult:
    """Every layer object that is exactly its functional creator, written as that (see the module
    doc); with `only`, just those in these functions ("f", "Cls.method")."""
    from migrate.codemod.layer_inline import unnamed_creator_in_loop

    cells = "Cell(" in source  # a cell may be called directly (rnn_cell_calls.py)
    loops = "for " in source  # creators numbered in loops, comprehensions unrolled
    repeats = "repeat(" in source or "stack(" in source  # slim.repeat / slim.stack (slim_repeat.py)
    if not cells and not loops and not repeats and not any(cls.split(".", 1)[1] + "(" in source
                                                           for cls in LAYER_CLASSES):
        return ArgScopeResult(source)
    try:
        tree = ast.parse(source)
        tf = collect_tf_names(tree)
        if not cells and not repeats and not _assigns_a_layer(tree) and not (
                loops and unnamed_creator_in_loop(tree, tf)):
            return ArgScopeResult(source)  # (libcst, the costly parse, only when needed)
        module = parse_module(source)  # (migrate/cstparse.py: parser-built nodes not re-validated)
    except (SyntaxError, ValueError, RecursionError, MemoryError, cst.ParserSyntaxError):
        return ArgScopeResult(source)
    if tf.tf_alias is None and not tf.aliases:
        return ArgScopeResult(source)
    factory_regions: set[str] = set()
    if cells:  # cells on `self` and cell factories first: their cells are then built where they run
        from migrate.codemod.rnn_cell_factories import inline_factories

        from migrate.codemod.rnn_cell_attributes import build_cells_where_they_run

        # cells on `self` first: a factory call in the constructor moves with it, inlined there
        module, factory_regions = build_cells_where_they_run(module, tf, only)
        module, inlined = inline_factories(module, tf, _functions_in_classes(module), only)
        factory_regions |= inlined
    from migrate.codemod.comprehension_loops import unroll
    from migrate.codemod.creators_rnn import RUNNERS

    if repeats:  # slim.repeat / slim.stack written out as their calls first
        from migrate.codemod.slim_repeat import unroll_repeats

        module, written = unroll_repeats(module, tf, list(_functions_in_classes(module)), only)
        factory_regions |= written

    # comprehensions that make layers become loops first: the rules below then see the loop
    module, unrolled = unroll(module, tf, list(_functions_in_classes(module)),
                              frozenset(SPECS) | frozenset(RUNNERS), only)
    factory_regions |= unrolled
    positions = all_positions(module)  # (PositionProvider's ranges, faster: migrate/upgrade/codegen.py)
    repeated_calls = _repeated_calls(tree)
    from migrate.codemod.fresh_scope_helpers import fresh_scope_helpers

    fresh_helpers = fresh_scope_helpers(tree, tf, public_ok=True) if loops else set()
    layerless = layerless_names(tree, tf) if loops else frozenset()
    plan = _Plan()
    regions: set[str | None] = set(_plan_attributes(module, tf, positions, only, plan))
    regions |= factory_regions
    for qualname, function in _functions(module):
        if only is not None and qualname not in only:
            continue
        scan = _FunctionScan(tf, positions)
        fast_visit(function, scan)  # (a read-only scan: the same callbacks, faster)
        before = len(plan.removed)
        _plan_function(scan, tf.tf_alias, plan, _own_scope_test(
            function, qualname, tf, positions, repeated_calls))
        if len(plan.removed) > before:
            regions.add(qualname)
        if _plan_inline(function, tf, positions, plan, qualname.rsplit(".", 1)[-1] in repeated_calls,
                        qualname in fresh_helpers, layerless):
            regions.add(qualname)
        if cells:
            regions |= _plan_cell_calls(function, qualname, tf, positions, plan)
    diagnostics = [d.with_path(path) for d in plan.diagnostics]
    if not (plan.removed or plan.replaced or plan.calls or plan.fors or factory_regions):
        return ArgScopeResult(source, diagnostics)
    # (the fast walker rebuilds only what changes: the same code, less work)
    new_module = fast_visit(module, _Rewrite(plan))
    return ArgScopeResult(new_module.code, diagnostics,
                          len(plan.removed) + len(plan.replaced) + len(plan.calls)
                          + len(factory_regions), regions)


def _functions_in_classes(module: cst.Module):
    """(qualname, FunctionDef, its ClassDef or None), as `_functions`."""
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            yield stmt.name.value, stmt, None
        elif isinstance(stmt, cst.ClassDef):
            for item in stmt.body.body:
                if isinstance(item, cst.FunctionDef):
                    yield f"{stmt.name.value}.{item.name.value}", item, stmt


def _own_scope_test(function: cst.FunctionDef, qualname: str, tf: TfNames, positions,
                    repeated_calls: set[str]):
    """call -> False when a named layer object there would be uniquified by TF1 on a second
    call of the function: the function runs more than once in this file (called twice, or in a
    loop) and the call's innermost variable scope is not one the function enters by name."""
    from migrate.codemod import layer_inline
    from migrate.codemod.creators import SPECS

    if qualname.rsplit(".", 1)[-1] not in repeated_calls:
        return lambda call: True
    found = []

    def test(call: cst.Call) -> bool:
        if not found:  # (scanned only when a named layer asks)
            bases = {api: SPECS[f].default_name for api, f in LAYER_CLASSES.items()}
            scan = layer_inline._Scan(tf, positions, LAYER_CLASSES, bases, SPECS)
            fast_visit(function, scan)
            found.append(scan)
        return layer_inline._in_own_scope(found[0], call)

    return test


def _repeated_calls(tree: ast.Module) -> set[str]:
    """Names of functions / methods this file calls more than once or inside a loop."""
    counts: dict[str, int] = {}
    todo: list[tuple[ast.AST, bool]] = [(tree, False)]
    while todo:
        node, looped = todo.pop()
        if type(node) is ast.Call:
            func = node.func
            name = func.id if type(func) is ast.Name else (
                func.attr if type(func) is ast.Attribute else None)
            if name is not None:
                counts[name] = counts.get(name, 0) + (2 if looped else 1)
        looped = looped or type(node) in (ast.For, ast.While, ast.ListComp, ast.GeneratorExp)
        todo.extend((child, looped) for child in ast.iter_child_nodes(node))
    return {name for name, count in counts.items() if count > 1}


def _plan_inline(function: cst.FunctionDef, tf: TfNames, positions, plan: _Plan,
                 runs_again: bool, callers_fresh: bool = False,
                 layerless: frozenset[str] = frozenset()) -> bool:
    """Layers built and called in one expression, local lists of layers iterated once
    (migrate/codemod/layer_inline.py)."""
    from migrate.codemod import layer_inline

    result = layer_inline.InlinePlan()
    changed = layer_inline.plan_function(function, tf, positions, LAYER_CLASSES, _ctor_params,
                                         _CALL_KEYWORDS, set(plan.calls), result, runs_again,
                                         callers_fresh, layerless)
    plan.calls.update(result.calls)
    plan.removed |= result.removed
    plan.fors.update(result.fors)
    plan.diagnostics += result.diagnostics
    return changed


def _plan_cell_calls(function: cst.FunctionDef, qualname: str, tf: TfNames, positions,
                     plan: _Plan) -> set[str]:
    """RNN cells called directly (migrate/codemod/rnn_cell_calls.py)."""
    from migrate.codemod import rnn_cell_calls

    result = rnn_cell_calls.CellCallPlan()
    rnn_cell_calls.plan_function(function, qualname, tf, positions, result)
    plan.calls.update(result.calls)
    plan.diagnostics += result.diagnostics
    return result.regions


def _plan_attributes(module: cst.Module, tf: TfNames, positions,
                     only: frozenset[str | None] | None, plan: _Plan) -> set[str]:
    """Layer objects kept on `self` across methods (migrate/codemod/layer_attributes.py);
    returns the calling methods whose text changed."""
    from migrate.codemod import layer_attributes

    regions: set[str] = set()
    names = None
    strings = None
    has_name_scope = True
    for stmt in module.body:
        if not isinstance(stmt, cst.ClassDef):
            continue
        scan = layer_attributes.ClassScan(stmt, tf, positions, LAYER_CLASSES)
        if not scan.constructions and not scan.list_constructions:
            continue
        from migrate.codemod.layer_attribute_names import name_unnamed_attributes

        notes: list[Diagnostic] = []  # (after layer_attributes.py's own reasons)
        name_unnamed_attributes(scan, tf, positions, LAYER_CLASSES, _ctor_params, notes)
        if names is None:
            names = layer_attributes.module_level_names(module)
        result = layer_attributes.AttributePlan()
        if strings is None:
            from migrate.codemod.layer_attributes_shared import string_counts

            code = module.code
            strings = string_counts(code)
            has_name_scope = "name_scope" in code
        layer_attributes.plan_class(scan, names, tf.tf_alias, _ctor_params, _CALL_KEYWORDS,
                                    _string, _code, _is_none, only, result, strings, has_name_scope)
        layer_attributes.plan_lists(scan, names, _ctor_params, _CALL_KEYWORDS, only, result)
        plan.fors.update(result.fors)
        plan.replaced.update(result.replaced)
        plan.calls.update(result.calls)
        plan.diagnostics += result.diagnostics + notes
        plan.judged_lines |= result.handled_lines
        regions |= result.regions
    return regions


def transform_with_layer_objects(transform, source: str, path: str):
    """`transform(text) -> TransformOutput` run on the text with layer objects written as their
    functional creators; functions the codemod keeps as TF1 get their layer objects back."""
    from migrate.codemod import text_passes
    from migrate.result import TransformOutput

    first = text_passes.layer_objects(source, path)  # the planner's result, when it had this text
    if first.resolved:
        out = transform(first.source)
        converted = {f.legacy_name for f in out.functions}
        kept = {r for r in first.regions if r not in converted}
        if not kept:
            return back_to_original(out, source, first)
        again = resolve_layer_objects(source, path, frozenset(first.regions - kept))
        if again.resolved:
            second = transform(again.source)
            if again.regions <= {f.legacy_name for f in second.functions}:
                again.diagnostics = first.diagnostics  # the notes on every function's layers
                return back_to_original(second, source, again)
            # (a rewrite that needed a kept function's: nothing rewritten is left in TF1 code)
    out = transform(source)
    if not first.diagnostics:
        return out
    return TransformOutput(code=out.code, diagnostics=(*first.diagnostics, *out.diagnostics),
                           functions=out.functions, parsed=out.parsed)


def layer_planning_text(source: str) -> str:
    """The text the project planner analyses: layer objects written as their functional
    creators, as `transform_with_layer_objects` will convert them (so a function whose layer
    objects convert is not planned refused, nor its callers)."""
    from migrate.codemod import text_passes

    return text_passes.layer_objects(source, remember=True).source  # kept for the transform
