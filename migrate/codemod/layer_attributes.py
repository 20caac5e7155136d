"""tf.layers layer objects kept on `self` (`self.fc1 = tf.layers.Dense(64, name="fc1")` in
`__init__`, `h = self.fc1(x)` in `__call__`), written as the functional creator at the call.

TF1 semantics (verified with tf.compat.v1 in graph mode): construction creates nothing; the
first *call* opens `variable_scope(None, default_name=<name or dense/conv2d/...>)` in the
variable scope active there (so names are uniquified in call order: `dense`, `dense_1`; a
`name="fc"` after an existing `fc` scope is `fc_1`) and every later call reuses that scope,
wherever it runs. The functional creator at the call site does the same when:

- every use of the attribute in the class is a call (`self.fc1(x)`, `self.fc1.apply(x)`), all in
  one method, and it is assigned once, by a statement of its own in a method's body;
- one call site that runs once per method call: exactly the functional call; several call sites,
  or one in a loop: `reuse=tf.AUTO_REUSE` on each, exact when the layer has a literal name and
  all calls run in the same variable scope (the same `with` blocks, none entered inside a loop).

A method called again in the same name scope converts to the same module (the codemod's "one
module per calling name scope"), which shares as the layer object did.

The constructor's arguments are evaluated where the constructor ran: a literal, or an expression
of module-level names only (`tf.nn.relu`, `tf.truncated_normal_initializer(stddev=0.02)`), is
written at the call; anything else (`hidden`, a parameter of `__init__`) is kept as an attribute
set where the constructor was (`self._fc1_units = hidden`), so it is read at the same moment.

Anything else keeps the layer object, refused by the codemod (`implicit-creator`) with an info
note saying why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit
from migrate.diagnostics import Diagnostic


@dataclass
class _Call:
    node: cst.Call
    method: str
    line: int
    withs: tuple[int, ...]
    in_loop: bool  # some loop of the method encloses the call
    with_in_loop: bool  # a `with` entered inside a loop encloses the call


@dataclass
class _Construction:
    attr: str
    statement: cst.SimpleStatementLine
    call: cst.Call
    api: str
    method: str
    line: int
    self_name: str


@dataclass
class _ListConstruction:
    """`self.blocks = [tf.layers.Dense(...) for i in range(n)]`."""
    attr: str
    statement: cst.SimpleStatementLine
    call: cst.Call  # the element constructor
    api: str
    method: str
    line: int
    self_name: str
    var: str  # the comprehension variable
    count: cst.BaseExpression


@dataclass
class _ListLoop:
    """`for block in self.blocks:` and the calls of `block` in its body."""
    node: cst.For
    attr: str
    method: str
    target: str
    calls: list[_Call] = field(default_factory=list)
    other_uses: int = 0


@dataclass
class AttributePlan:
    replaced: dict[int, list[cst.BaseStatement]] = field(default_factory=dict)  # id(stmt)
    calls: dict[int, cst.Call] = field(default_factory=dict)  # id(call) -> functional call
    diagnostics: list[Diagnostic] = field(default_factory=list)
    regions: set[str] = field(default_factory=set)  # the calling methods ("Cls.method")
    handled_lines: set[int] = field(default_factory=set)  # constructions this module judged
    fors: dict[int, tuple[str, cst.BaseExpression]] = field(default_factory=dict)  # id(For) -> header


class _MethodScan(cst.CSTVisitor):
    """One method: layer constructions into `self.<attr>`, every other use of `self.<attr>`, the
    method's local names."""

    def __init__(self, owner: "ClassScan", method: str, self_name: str) -> None:
        self.owner = owner
        self.method = method
        self.self_name = self_name
        self.nesting: list[tuple[str, int]] = []  # ("loop" | "with", id)
        self.depth = 0
        self.locals: set[str] = set()
        self.active_loops: list[_ListLoop] = []

    # nesting --------------------------------------------------------------------------
    def visit_With(self, node: cst.With) -> None:
        self.nesting.append(("with", id(node)))
        for item in node.items:
            if item.asname is not None:
                self.locals.update(_bound(item.asname.name))

    def leave_With(self, node: cst.With) -> None:
        self.nesting.pop()

    def visit_For(self, node: cst.For) -> None:
        self.nesting.append(("loop", id(node)))
        self.locals.update(_bound(node.target))
        it = node.iter
        if self.depth == 1 and isinstance(node.target, cst.Name) and isinstance(it, cst.Attribute) \
                and isinstance(it.value, cst.Name) and it.value.value == self.self_name:
            loop = _ListLoop(node, it.attr.value, self.method, node.target.value)
            self.owner.list_loops.append(loop)
            self.owner.loop_iters.add(id(it))
            self.active_loops.append(loop)

    def leave_For(self, node: cst.For) -> None:
        self.nesting.pop()
        if self.active_loops and self.active_loops[-1].node is node:
            self.active_loops.pop()

    def visit_While(self, node: cst.While) -> None:
        self.nesting.append(("loop", id(node)))

    def leave_While(self, node: cst.While) -> None:
        self.nesting.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self.depth == 0:
            for param in (*node.params.posonly_params, *node.params.params,
                          *node.params.kwonly_params):
                self.locals.add(param.name.value)
            for star in (node.params.star_arg, node.params.star_kwarg):
                if isinstance(star, cst.Param):
                    self.locals.add(star.name.value)
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

    # bindings -------------------------------------------------------------------------
    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self.locals.update(_bound(target.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.locals.update(_bound(node.target))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.locals.update(_bound(node.target))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.locals.update(_bound(node.target))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.locals.update(_bound(node.target))

    # layers ---------------------------------------------------------------------------
    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        if self.depth != 1 or any(k == "loop" for k, _ in self.nesting) or len(node.body) != 1:
            return  # (a construction's own scope does not matter: its first call's does)
        assign = node.body[0]
        if not isinstance(assign, cst.Assign) or len(assign.targets) != 1 \
                or not isinstance(assign.value, (cst.Call, cst.ListComp)):
            return
        target = assign.targets[0].target
        if not (isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name)
                and target.value.value == self.self_name):
            return
        self._list_construction(node, assign, target)
        if not isinstance(assign.value, cst.Call):
            return
        api = self.owner.tf.api(assign.value.func)
        if api in self.owner.layer_classes:
            self.owner.constructions.append(_Construction(
                target.attr.value, node, assign.value, api, self.method,
                self.owner.line(node), self.self_name))
            self.owner.construction_targets.add(id(target))

    def _list_construction(self, node: cst.SimpleStatementLine, assign: cst.Assign,
                           target: cst.Attribute) -> None:
        comp = assign.value
        if not isinstance(comp, cst.ListComp) or not isinstance(comp.elt, cst.Call):
            return
        api = self.owner.tf.api(comp.elt.func)
        if api not in self.owner.layer_classes:
            return
        loop = comp.for_in
        rng = loop.iter
        if loop.inner_for_in is not None or loop.ifs or not isinstance(loop.target, cst.Name) \
                or not (isinstance(rng, cst.Call) and isinstance(rng.func, cst.Name)
                        and rng.func.value == "range" and len(rng.args) == 1
                        and rng.args[0].keyword is None and not rng.args[0].star):
            self.owner.odd_lists.append((target.attr.value, self.owner.line(node)))
            return
        self.owner.list_constructions.append(_ListConstruction(
            target.attr.value, node, comp.elt, api, self.method, self.owner.line(node),
            self.self_name, loop.target.value, rng.args[0].value))
        self.owner.construction_targets.add(id(target))

    def visit_Name(self, node: cst.Name) -> None:
        for loop in self.active_loops:
            if node.value == loop.target and node is not loop.node.target:
                loop.other_uses += 1

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if not (isinstance(node.value, cst.Name) and node.value.value == self.self_name):
            return
        self.owner.uses.setdefault(node.attr.value, []).append((node, self.method, self.depth))

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("apply", "__call__") \
                and isinstance(func.value, cst.Attribute):
            func = func.value
        if isinstance(func, cst.Name) and self.depth == 1:
            for loop in self.active_loops:
                if func.value == loop.target:
                    # (nesting inside the `for block in self.blocks` loop itself)
                    start = next(i for i, (k, n) in enumerate(self.nesting) if n == id(loop.node))
                    inner = [k for k, _ in self.nesting[start + 1:]]
                    loop.calls.append(_Call(node, self.method, self.owner.line(node), (),
                                            "loop" in inner, False))
                    loop.other_uses -= 1  # (its func Name is visited too)
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
                and func.value.value == self.self_name and self.depth == 1:
            kinds = [k for k, _ in self.nesting]
            first_loop = kinds.index("loop") if "loop" in kinds else len(kinds)
            self.owner.calls.setdefault(func.attr.value, []).append(_Call(
                node, self.method, self.owner.line(node),
                tuple(i for k, i in self.nesting if k == "with"), "loop" in kinds,
                "with" in kinds[first_loop:]))
            self.owner.call_funcs.add(id(func))


def _bound(target: cst.CSTNode) -> set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        names: set[str] = set()
        for element in target.elements:
            names |= _bound(element.value)
        return names
    if isinstance(target, cst.StarredElement):
        return _bound(target.value)
    return set()


class ClassScan:
    """Every method of one top-level class."""

    def __init__(self, cls: cst.ClassDef, tf, positions, layer_classes) -> None:
        self.cls = cls
        self.tf = tf
        self.positions = positions
        self.layer_classes = layer_classes
        self.constructions: list[_Construction] = []
        self.construction_targets: set[int] = set()
        self.uses: dict[str, list[tuple[cst.Attribute, str, int]]] = {}
        self.calls: dict[str, list[_Call]] = {}
        self.call_funcs: set[int] = set()
        self.locals: dict[str, set[str]] = {}
        self.list_constructions: list[_ListConstruction] = []
        self.list_loops: list[_ListLoop] = []
        self.loop_iters: set[int] = set()
        self.odd_lists: list[tuple[str, int]] = []
        for item in cls.body.body:
            if not isinstance(item, cst.FunctionDef):
                continue
            params = item.params.params
            decorators = {d.decorator.value for d in item.decorators
                          if isinstance(d.decorator, cst.Name)}
            if not params or decorators & {"staticmethod", "classmethod"}:
                continue
            qualname = f"{cls.name.value}.{item.name.value}"
            scan = _MethodScan(self, qualname, params[0].name.value)
            fast_visit(item, scan)  # (a read-only scan: the same callbacks, faster)
            self.locals[qualname] = scan.locals

    def line(self, node: cst.CSTNode) -> int:
        return self.positions[node].start.line


def plan_class(scan: ClassScan, module_names: frozenset[str], tf_alias: str | None,
               ctor_params, call_keywords, string_of, code_of, is_none,
               only: frozenset[str | None] | None, plan: AttributePlan,
               strings=None, has_name_scope: bool = True) -> None:
    """Fill `plan` with the layer attributes of one class that are exactly their functional
    creator at their call sites (the helpers come from layer_objects.py); the others, when they
    can, as one layer object for the class (layer_attributes_shared.py: `strings`, the file's
    string constants counted, and whether it opens name scopes)."""
    by_attr: dict[str, list[_Construction]] = {}
    for construction in scan.constructions:
        by_attr.setdefault(construction.attr, []).append(construction)
    literal_names: dict[str, int] = {}
    for construction in scan.constructions:
        for arg in construction.call.args:
            if arg.keyword is not None and arg.keyword.value == "name" and string_of(arg.value):
                literal_names[string_of(arg.value)] = literal_names.get(string_of(arg.value), 0) + 1
    for attr, constructions in by_attr.items():
        construction = constructions[0]
        plan.handled_lines.update(c.line for c in constructions)
        api = "tf." + construction.api
        why, result = _judge(scan, attr, constructions, module_names, tf_alias, ctor_params,
                             call_keywords, string_of, is_none, literal_names)
        if why is not None and strings is not None:
            from migrate.codemod import layer_attributes_shared as shared

            also, kept = shared.judge_shared(scan, attr, constructions, tf_alias, ctor_params,
                                             call_keywords, string_of, strings, has_name_scope)
            if also is None:
                if only is None or all(c.method in only for c in kept[1]):
                    shared.write_shared(scan, attr, kept, tf_alias, plan)
                continue
            why = f"{why}; and it cannot be one object for the class: {also}"
        if why is not None:
            plan.diagnostics.append(Diagnostic(
                "implicit-creator", f"`{api}` layer object `self.{attr}` is kept: {why}",
                construction.line, 0, "info"))
            continue
        calls, kwargs, snapshots, repeated = result
        if only is not None and calls[0].method not in only:
            continue
        functional = scan.layer_classes[construction.api].rsplit(".", 1)[-1]
        func = construction.call.func
        assert isinstance(func, cst.Attribute)
        new_func = func.with_changes(attr=cst.Name(functional))
        for call in calls:
            args = [call.node.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
            args += [_keyword(k, v) for k, v in kwargs]
            args += [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in call.node.args[1:]]
            if repeated:
                args.append(_keyword("reuse", cst.parse_expression(f"{tf_alias}.AUTO_REUSE")))
            plan.calls[id(call.node)] = cst.Call(func=new_func, args=args)
        plan.replaced[id(construction.statement)] = [
            cst.SimpleStatementLine([cst.Assign(
                [cst.AssignTarget(cst.parse_expression(f"{construction.self_name}.{name}"))],
                value)], leading_lines=construction.statement.leading_lines if i == 0 else ())
            for i, (name, value) in enumerate(snapshots)]
        plan.regions.add(calls[0].method)


def plan_lists(scan: ClassScan, module_names: frozenset[str], ctor_params, call_keywords,
               only: frozenset[str | None] | None, plan: AttributePlan) -> None:
    """`self.blocks = [tf.layers.Dense(...) for i in range(n)]` iterated once in one method
    (`for block in self.blocks: x = block(x)`): each block is first called at its own turn of
    the loop, so the functional creator in `for i in range(n)` names them as TF1 did (`dense`,
    `dense_1`, ... or the name computed from `i`)."""
    for odd, line in scan.odd_lists:
        plan.handled_lines.add(line)
    for lc in scan.list_constructions:
        plan.handled_lines.add(lc.line)
        why, result = _judge_list(scan, lc, module_names, ctor_params, call_keywords)
        if why is not None:
            plan.diagnostics.append(Diagnostic(
                "implicit-creator", f"`tf.{lc.api}` layer objects `self.{lc.attr}` are kept: {why}",
                lc.line, 0, "info"))
            continue
        loop, kwargs, snapshots, count, call_self = result
        if only is not None and loop.method not in only:
            continue
        functional = scan.layer_classes[lc.api].rsplit(".", 1)[-1]
        func = lc.call.func
        assert isinstance(func, cst.Attribute)
        call = loop.calls[0].node
        args = [call.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
        args += [_keyword(k, v) for k, v in kwargs]
        args += [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in call.args[1:]]
        plan.calls[id(call)] = cst.Call(func=func.with_changes(attr=cst.Name(functional)), args=args)
        plan.fors[id(loop.node)] = (lc.var, cst.Call(cst.Name("range"), [cst.Arg(count)]))
        plan.replaced[id(lc.statement)] = [
            cst.SimpleStatementLine([cst.Assign(
                [cst.AssignTarget(cst.parse_expression(f"{lc.self_name}.{name}"))], value)],
                leading_lines=lc.statement.leading_lines if i == 0 else ())
            for i, (name, value) in enumerate(snapshots)]
        plan.regions.add(loop.method)


def _judge_list(scan: ClassScan, lc: _ListConstruction, module_names: frozenset[str],
                ctor_params, call_keywords):
    attr = lc.attr
    if sum(c.attr == attr for c in scan.constructions) + sum(
            c.attr == attr for c in scan.list_constructions) > 1:
        return f"`self.{attr}` is assigned more than once", None
    for node, method, _ in scan.uses.get(attr, []):
        if id(node) not in scan.construction_targets and id(node) not in scan.loop_iters:
            return ("the list is used other than by one `for layer in self."
                    f"{attr}:` loop (in {method.rsplit('.', 1)[-1]})"), None
    loops = [loop for loop in scan.list_loops if loop.attr == attr]
    if len(loops) != 1:
        return f"the list is not iterated exactly once (`for layer in self.{attr}:`)", None
    loop = loops[0]
    if loop.other_uses or len(loop.calls) != 1:
        return (f"the loop uses `{loop.target}` other than by calling it once per turn"), None
    if loop.calls[0].in_loop:
        return "a layer is called more than once per turn of the loop", None
    call = loop.calls[0].node
    functional = scan.layer_classes[lc.api]
    allowed = call_keywords.get(functional, frozenset())
    if not call.args or call.args[0].keyword is not None or call.args[0].star or any(
            a.star or a.keyword is None or a.keyword.value not in allowed for a in call.args[1:]):
        return "a call passes more than its input", None
    call_locals = scan.locals.get(loop.method, set()) - {loop.target}
    ctor_locals = scan.locals.get(lc.method, set()) - {lc.var}
    if lc.var in call_locals and lc.var != "_":
        return f"the comprehension variable `{lc.var}` is a local of {loop.method}", None
    call_self = _self_name_of(scan, loop.method)
    params = ctor_params(functional)
    kwargs: list[tuple[str, cst.BaseExpression]] = []
    snapshots: list[tuple[str, cst.BaseExpression]] = []
    taken = set(scan.uses)

    def portable(expr: cst.BaseExpression, extra: set[str]) -> bool:
        free = _free_names(expr)
        return not (free & (ctor_locals | call_locals)) and free <= (module_names | _CONSTANTS | extra)

    def snapshot(keyword: str, value: cst.BaseExpression) -> cst.BaseExpression | None:
        name = f"_{attr}_{keyword}"
        if name in taken:
            return None
        snapshots.append((name, value))
        return cst.parse_expression(f"{call_self}.{name}")

    count = lc.count if portable(lc.count, set()) else snapshot("count", lc.count)
    if count is None:
        return f"the attribute `_{attr}_count` exists", None
    for i, arg in enumerate(lc.call.args):
        if arg.star:
            return "its constructor takes *args / **kwargs", None
        keyword = arg.keyword.value if arg.keyword is not None else (
            params[i] if i < len(params) else None)
        if keyword is None or keyword not in params:
            return f"constructor argument {keyword or i} has no functional counterpart", None
        if portable(arg.value, {lc.var}):
            kwargs.append((keyword, arg.value))
        elif lc.var in _free_names(arg.value):
            return f"`{keyword}` depends on `{lc.var}` and on names of {lc.method}", None
        else:
            value = snapshot(keyword, arg.value)
            if value is None:
                return f"the attribute `_{attr}_{keyword}` exists", None
            kwargs.append((keyword, value))
    name = next((v for k, v in kwargs if k == "name"), None)
    if name is None or (isinstance(name, cst.Name) and name.value == "None"):
        return ("the layers have no name (TF1 numbered them dense, dense_1, ... in call order, "
                "which a loop of functional calls does not spell)"), None
    return None, (loop, kwargs, snapshots, count, call_self)


def _keyword(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(value, keyword=cst.Name(name),
                   equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))


def _free_names(expr: cst.CSTNode) -> set[str]:
    names: set[str] = set()

    class _Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)  # (not the keyword)
            return False

    expr.visit(_Names())
    return names


_CONSTANTS = frozenset({"None", "True", "False"})


def _judge(scan: ClassScan, attr: str, constructions: list[_Construction],
           module_names: frozenset[str], tf_alias: str | None, ctor_params, call_keywords,
           string_of, is_none, literal_names: dict[str, int]):
    """(reason the layer stays, None) or (None, (calls, call keywords, snapshots, repeated))."""
    if len(constructions) > 1:
        return f"`self.{attr}` is assigned a layer more than once", None
    construction = constructions[0]
    functional = scan.layer_classes[construction.api]
    uses = scan.uses.get(attr, [])
    calls = scan.calls.get(attr, [])
    for node, method, depth in uses:
        if id(node) in scan.construction_targets or id(node) in scan.call_funcs:
            continue
        return ("it is used other than by calling it (read, reassigned or passed on, in "
                f"{method.rsplit('.', 1)[-1]})"), None
    if not calls:
        return "it is never called in this class", None
    methods = {c.method for c in calls}
    if len(methods) > 1:
        shown = ", ".join(sorted(m.rsplit(".", 1)[-1] for m in methods))
        return (f"it is called from several methods ({shown}): TF1 names its variables in the "
                "scope of whichever runs first"), None
    method = calls[0].method
    if method == construction.method and any(c.line < construction.line for c in calls):
        return "it is called before it is built", None
    why = _method_runs_in_several_scopes(scan, method)
    if why is not None:
        return why, None
    params = ctor_params(functional)
    kwargs: list[tuple[str, cst.BaseExpression]] = []
    snapshots: list[tuple[str, cst.BaseExpression]] = []
    call_self = _self_name_of(scan, method)
    ctor_locals = scan.locals.get(construction.method, set())
    call_locals = scan.locals.get(method, set())
    taken = set(scan.uses)
    for i, arg in enumerate(construction.call.args):
        if arg.star:
            return "its constructor takes *args / **kwargs", None
        keyword = arg.keyword.value if arg.keyword is not None else (
            params[i] if i < len(params) else None)
        if keyword is None or keyword not in params:
            return f"constructor argument {keyword or i} has no functional counterpart", None
        free = _free_names(arg.value)
        portable = not (free & (ctor_locals | call_locals)) and free <= (module_names | _CONSTANTS)
        if portable:
            kwargs.append((keyword, arg.value))
            continue
        if keyword == "name":
            return "its name is computed (TF1 used it where the layer first ran)", None
        snapshot = f"_{attr}_{keyword}"
        if snapshot in taken:
            return f"the attribute `{snapshot}` it would keep its `{keyword}` in exists", None
        snapshots.append((snapshot, arg.value))
        # (read through the calling method's own name for the object)
        kwargs.append((keyword, cst.parse_expression(f"{call_self}.{snapshot}")))
    allowed = call_keywords.get(functional, frozenset())
    for call in calls:
        args = call.node.args
        if not args or args[0].keyword is not None or args[0].star or any(
                a.star or a.keyword is None or a.keyword.value not in allowed for a in args[1:]):
            return "a call passes more than its input" + (
                " (and training=)" if allowed else ""), None
    name = next((v for k, v in kwargs if k == "name"), None)
    if name is not None and is_none(name):
        name = None
    literal = string_of(name) if name is not None else None
    if literal is not None and literal_names.get(literal, 0) > 1:
        return (f"two layers of this class are named {literal!r} (TF1 made {literal}, "
                f"{literal}_1 in call order)"), None
    repeated = len(calls) > 1 or calls[0].in_loop
    if repeated:
        if literal is None:
            return "it is called more than once and has no literal name", None
        if len({c.withs for c in calls}) > 1 or any(c.with_in_loop for c in calls):
            return "it is called more than once, not all in one variable scope", None
        if tf_alias is None:
            return "the file has no `tf` alias to spell tf.AUTO_REUSE", None
    return None, (calls, kwargs, snapshots, repeated)


def _method_runs_in_several_scopes(scan: ClassScan, method: str) -> str | None:
    """The calling method run by the class in more than one scope context (`with
    variable_scope("a"): self.logits(x)`, then under "b"): the layer object kept the variables
    of its first call (`a/fc`) for both, while one module per calling name scope would make
    `b/fc` too. Calls from one place (the same `with` blocks of one method, none entered in a
    loop) run in one scope, as the functional creator needs."""
    short = method.rsplit(".", 1)[-1]
    sites = scan.calls.get(short, [])
    if len(sites) < 2:
        return None
    if len({(s.method, s.withs) for s in sites}) > 1 or any(s.with_in_loop for s in sites):
        return (f"{short}() is called from several places of the class (maybe in several "
                "variable scopes): TF1 named the layer where it first ran and reused it at the "
                "others")
    return None


def _self_name_of(scan: ClassScan, method: str) -> str:
    for item in scan.cls.body.body:
        if isinstance(item, cst.FunctionDef) and f"{scan.cls.name.value}.{item.name.value}" == method:
            return item.params.params[0].name.value
    return "self"


def module_level_names(module: cst.Module) -> frozenset[str]:
    """Names bound at module level (imports, defs, classes, assignments) plus builtins: what a
    constructor argument may name and still mean the same at the call."""
    import builtins

    names = set(dir(builtins))
    for stmt in module.body:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            names.add(stmt.name.value)
        elif isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Import):
                    for alias in small.names:
                        if alias.asname is not None:
                            names |= _bound(alias.asname.name)
                        else:
                            root = alias.name
                            while isinstance(root, cst.Attribute):
                                root = root.value
                            names.add(root.value)
                elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                    for alias in small.names:
                        bound = alias.asname.name if alias.asname is not None else alias.name
                        if isinstance(bound, cst.Name):
                            names.add(bound.value)
                elif isinstance(small, cst.Assign):
                    for target in small.targets:
                        names |= _bound(target.target)
    return frozenset(names)
