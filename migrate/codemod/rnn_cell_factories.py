"""RNN cell factories inlined at their calls, before the codemod, so the cells they build are
built where they run (the only cells migrate/codemod/rnn_cells.py converts).

- A factory is a function whose body is a few `name = <expr>` lines and `return <cell>`, the cell
  a tf.nn.rnn_cell / tf.contrib.rnn constructor (`def make_cell(n): return LSTMCell(n)`;
  `def lstm_cell(): cell = BasicLSTMCell(size); return DropoutWrapper(cell, keep_prob)`): a
  module-level function, a function nested in the caller (its free names are the caller's, read
  at the call: a closure is late-binding, so inlining reads the same values), or a method of the
  caller's class called on `self`. Its call becomes the returned expression with the arguments
  (and literal defaults) put for the parameters; a parameter used more than once must be given a
  name or a literal (nothing is evaluated twice).
- A cell class chosen by a name (`cell_fn = tf.nn.rnn_cell.LSTMCell if use_lstm else
  tf.nn.rnn_cell.GRUCell`, bound once, outside loops) is written at its calls as the constructor
  or the choice of constructors (`LSTMCell(n) if use_lstm else GRUCell(n)`); the binding goes when
  nothing else reads it.

TF1 built the same cells either way: a cell creates nothing until it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.creators_rnn import CELLS


@dataclass
class _Factory:
    params: list[tuple[str, cst.BaseExpression | None]]  # (name, literal default)
    result: cst.BaseExpression  # the returned expression, locals substituted
    free: set[str]  # names it reads that are not its parameters
    method: bool = False  # a method: its first parameter is the object


@dataclass
class FactoryPlan:
    calls: dict[int, cst.BaseExpression] = field(default_factory=dict)  # id(call) -> inlined
    removed: set[int] = field(default_factory=set)  # id(statement) of a class chooser binding
    removed_defs: set[int] = field(default_factory=set)  # nested factories left unread
    regions: set[str] = field(default_factory=set)


class _Substitute(cst.CSTTransformer):
    def __init__(self, mapping: dict[str, cst.BaseExpression]) -> None:
        self.mapping = mapping

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        return self.mapping.get(original.value, updated)

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute):
        return updated.with_changes(attr=original.attr)

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        return updated.with_changes(keyword=original.keyword)


def _substitute(expr: cst.BaseExpression, mapping: dict[str, cst.BaseExpression]) -> cst.BaseExpression:
    return expr.visit(_Substitute(mapping)) if mapping else expr


def _reads(expr: cst.CSTNode) -> list[str]:
    names: list[str] = []

    class _Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            names.append(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)
            return False

    expr.visit(_Names())
    return names


def _atomic(expr: cst.BaseExpression) -> bool:
    if isinstance(expr, (cst.Name, cst.SimpleString, cst.Integer, cst.Float)):
        return True
    if isinstance(expr, cst.Attribute):
        return _atomic(expr.value)
    return isinstance(expr, cst.UnaryOperation) and _atomic(expr.expression)


def _builds_cell(expr: cst.BaseExpression, tf) -> bool:
    return isinstance(expr, cst.Call) and tf.api(expr.func) in CELLS


def _as_factory(fn: cst.FunctionDef, tf, method: bool) -> _Factory | None:
    if fn.decorators or fn.asynchronous is not None:
        return None
    params = fn.params
    if params.star_arg is not cst.MaybeSentinel.DEFAULT and params.star_arg is not None \
            or params.star_kwarg is not None or params.posonly_params or params.kwonly_params:
        return None
    plist: list[tuple[str, cst.BaseExpression | None]] = []
    for p in params.params:
        if p.default is not None and not _atomic(p.default):
            return None  # (a default is read when the def runs: only a literal or a name is safe)
        if p.default is not None and isinstance(p.default, cst.Name) and p.default.value not in (
                "None", "True", "False"):
            return None
        plist.append((p.name.value, p.default))
    if method and not plist:
        return None
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else ()
    statements = [s for s in body if not (
        isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1
        and isinstance(s.body[0], cst.Expr) and isinstance(s.body[0].value, cst.SimpleString))]
    if not statements:
        return None
    local: dict[str, cst.BaseExpression] = {}
    result = None
    for i, stmt in enumerate(statements):
        if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
            return None
        small = stmt.body[0]
        last = i == len(statements) - 1
        if last and isinstance(small, cst.Return) and small.value is not None:
            result = _substitute(small.value, local)
        elif not last and isinstance(small, cst.Assign) and len(small.targets) == 1 \
                and isinstance(small.targets[0].target, cst.Name):
            name = small.targets[0].target.value
            if name in local or name in dict(plist):
                return None
            value = _substitute(small.value, local)
            local[name] = value
        else:
            return None
    if result is None or not _builds_cell(result, tf):
        return None
    # each local read once (inlined, evaluated once), parameters checked at the call
    reads = _reads(cst.Module(body=[cst.SimpleStatementLine([cst.Expr(result)])]))
    names = {p for p, _ in plist}
    return _Factory(plist, result, {n for n in reads if n not in names}, method)


def _bind(factory: _Factory, call: cst.Call, self_expr: cst.BaseExpression | None):
    """parameter -> argument expression, or None when the call cannot be inlined."""
    params = factory.params[1:] if factory.method else factory.params
    mapping: dict[str, cst.BaseExpression] = {}
    if factory.method:
        mapping[factory.params[0][0]] = self_expr
    positional = True
    for i, arg in enumerate(call.args):
        if arg.star:
            return None
        if arg.keyword is None:
            if not positional or i >= len(params):
                return None
            mapping[params[i][0]] = arg.value
        else:
            positional = False
            if arg.keyword.value not in dict(params) or arg.keyword.value in mapping:
                return None
            mapping[arg.keyword.value] = arg.value
    for name, default in params:
        if name not in mapping:
            if default is None:
                return None
            mapping[name] = default
    reads = _reads(cst.Module(body=[cst.SimpleStatementLine([cst.Expr(factory.result)])]))
    for name, value in mapping.items():
        if reads.count(name) != 1 and not _atomic(value):
            return None  # (evaluated exactly once, as the call evaluated its argument)
    return mapping


class _CallerScan(cst.CSTVisitor):
    """A function's nested defs, local names, calls by name or on `self`, class choosers."""

    def __init__(self) -> None:
        self.depth = 0
        self.nested: dict[str, cst.FunctionDef] = {}
        self.locals: dict[str, int] = {}  # name -> number of bindings
        self.loop_bound: set[str] = set()
        self.loops = 0
        self.calls: list[cst.Call] = []
        self.assigns: dict[str, cst.SimpleStatementLine] = {}
        self.loads: dict[str, int] = {}
        self._statement: cst.SimpleStatementLine | None = None
        self.comp_bound: set[str] = set()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.depth += 1
        if self.depth == 2:
            self.nested[node.name.value] = node
            self._bound(node.name.value)
            return False
        for p in node.params.params:
            self._bound(p.name.value)
        return True

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth -= 1

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_For(self, node: cst.For) -> None:
        self.loops += 1
        for n in _names(node.target):
            self._bound(n)

    def leave_For(self, node: cst.For) -> None:
        self.loops -= 1

    def visit_While(self, node: cst.While) -> None:
        self.loops += 1

    def leave_While(self, node: cst.While) -> None:
        self.loops -= 1

    def _bound(self, name: str) -> None:
        self.locals[name] = self.locals.get(name, 0) + 1
        if self.loops:
            self.loop_bound.add(name)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statement = node

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            for n in _names(t.target):
                self._bound(n)
            if isinstance(t.target, cst.Name) and len(node.targets) == 1 and self._statement \
                    and len(self._statement.body) == 1:
                self.assigns[t.target.value] = self._statement

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        for n in _names(node.target):
            self._bound(n)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            for n in _names(node.asname.name):
                self._bound(n)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        for n in _names(node.target):
            self._bound(n)
            self.comp_bound.add(n)

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append(node)

    def visit_Name(self, node: cst.Name) -> None:
        self.loads[node.value] = self.loads.get(node.value, 0) + 1


def _names(target: cst.CSTNode) -> set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    found: set[str] = set()
    if isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            found |= _names(element.value)
    elif isinstance(target, cst.StarredElement):
        found |= _names(target.value)
    return found


def _chooser(value: cst.BaseExpression, tf, factories: dict[str, _Factory]) -> bool:
    """A cell class or a cell factory, or a choice of them (`LSTMCell if c else GRUCell`,
    `lstm_cell if use_lstm else gru_cell`)."""
    if isinstance(value, cst.IfExp):
        return _chooser(value.body, tf, factories) and _chooser(value.orelse, tf, factories) \
            and (_atomic(value.test) or isinstance(value.test, cst.Comparison))
    if isinstance(value, cst.Name) and value.value in factories:
        return True
    return isinstance(value, (cst.Attribute, cst.Name)) and tf.api(value) in CELLS


def _construct(value: cst.BaseExpression, call: cst.Call,
               factories: dict[str, _Factory]) -> cst.BaseExpression | None:
    """The call of the chosen class / factory, for each choice; None if a factory's cannot be
    inlined."""
    if isinstance(value, cst.IfExp):
        body = _construct(value.body, call, factories)
        orelse = _construct(value.orelse, call, factories)
        if body is None or orelse is None:
            return None
        return value.with_changes(body=body, orelse=orelse)
    if isinstance(value, cst.Name) and value.value in factories:
        mapping = _bind(factories[value.value], call, None)
        return None if mapping is None else _substitute(factories[value.value].result, mapping)
    return call.with_changes(func=value)


def plan_function(function: cst.FunctionDef, qualname: str, module_factories: dict[str, _Factory],
                  class_factories: dict[str, _Factory], tf, plan: FactoryPlan) -> None:
    scan = _CallerScan()
    fast_visit(function, scan)  # (a read-only scan: the same callbacks, faster)
    nested = {name: f for name, fn in scan.nested.items()
              if scan.locals.get(name) == 1 and (f := _as_factory(fn, tf, False)) is not None}
    self_name = function.params.params[0].name.value if class_factories and function.params.params else None
    # factories a chooser may name: this function's own, and module-level ones not shadowed here
    by_name = {**{k: f for k, f in module_factories.items()
                  if k not in scan.locals and not f.free & set(scan.locals)},
               **{k: f for k, f in nested.items() if not f.free & scan.comp_bound}}
    choosers = {name: scan.assigns[name].body[0].value for name in scan.assigns
                if scan.locals.get(name) == 1 and name not in scan.loop_bound
                and _chooser(scan.assigns[name].body[0].value, tf, by_name)}
    changed = False
    chooser_calls: dict[str, int] = {}
    inlined: dict[str, int] = {}  # name -> references of it this plan removes
    for call in scan.calls:
        func = call.func
        factory = None
        self_expr = None
        if isinstance(func, cst.Name):
            if func.value in choosers:
                built = None if any(a.star for a in call.args) else _construct(
                    choosers[func.value], call, by_name)
                if built is None:
                    continue
                plan.calls[id(call)] = built
                chooser_calls[func.value] = chooser_calls.get(func.value, 0) + 1
                changed = True
                continue
            if func.value in nested:
                factory = nested[func.value]
                if factory.free & scan.comp_bound:
                    continue  # (a comprehension variable would shadow the closure's name)
            elif func.value in module_factories and func.value not in scan.locals:
                factory = module_factories[func.value]
                if factory.free & set(scan.locals):
                    continue  # a name the factory reads is a local here: not the same value
        elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
                and func.value.value == self_name and func.attr.value in class_factories:
            factory = class_factories[func.attr.value]
            self_expr = func.value
            if factory.free & set(scan.locals) - {factory.params[0][0]}:
                continue
        if factory is None:
            continue
        mapping = _bind(factory, call, self_expr)
        if mapping is None:
            continue
        plan.calls[id(call)] = _substitute(factory.result, mapping)
        if isinstance(func, cst.Name):
            inlined[func.value] = inlined.get(func.value, 0) + 1
        changed = True
    for name, count in chooser_calls.items():
        if scan.loads.get(name, 0) == count + 1:  # its binding, and calls we rewrote
            plan.removed.add(id(scan.assigns[name]))
            for ref in _reads(scan.assigns[name].body[0].value):
                inlined[ref] = inlined.get(ref, 0) + 1
    for name, fn in scan.nested.items():  # a nested factory nothing reads any more
        if name in nested and inlined.get(name, 0) and scan.loads.get(name, 0) == inlined[name]:
            plan.removed_defs.add(id(fn))
    if changed:
        plan.regions.add(qualname)


def module_factories(module: cst.Module, tf) -> dict[str, _Factory]:
    found = {}
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            factory = _as_factory(stmt, tf, False)
            if factory is not None:
                found[stmt.name.value] = factory
    return found


def class_factories(cls: cst.ClassDef, tf) -> dict[str, _Factory]:
    found = {}
    for item in cls.body.body:
        if isinstance(item, cst.FunctionDef):
            factory = _as_factory(item, tf, True)
            if factory is not None:
                found[item.name.value] = factory
    return found


class _Inline(cst.CSTTransformer):
    def __init__(self, plan: FactoryPlan) -> None:
        self.plan = plan

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        return self.plan.calls.get(id(original), updated)

    def leave_SimpleStatementLine(self, original, updated):
        return cst.RemoveFromParent() if id(original) in self.plan.removed else updated

    def leave_FunctionDef(self, original, updated):
        return cst.RemoveFromParent() if id(original) in self.plan.removed_defs else updated


def inline_factories(module: cst.Module, tf, functions, only) -> tuple[cst.Module, set[str]]:
    """The module with every cell factory call (and class chooser) of `functions` ((qualname,
    FunctionDef, enclosing ClassDef or None) of the original module) inlined; the qualnames
    changed."""
    plan = FactoryPlan()
    top = module_factories(module, tf)
    per_class: dict[int, dict[str, _Factory]] = {}
    for qualname, function, cls in functions:
        if only is not None and qualname not in only:
            continue
        if cls is not None and id(cls) not in per_class:
            per_class[id(cls)] = class_factories(cls, tf)
        own = per_class.get(id(cls), {}) if cls is not None else {}
        plan_function(function, qualname, {k: v for k, v in top.items() if k != function.name.value},
                      {k: v for k, v in own.items() if k != function.name.value}, tf, plan)
    if not plan.calls:
        return module, set()
    module = module.visit(_Inline(plan))
    # (a method factory too, public or not: other files import functions, not a model's methods;
    # left behind, `def make_cell(self): return tf.compat.v1...GRUCell(n)` kept the class TF1-ish)
    private = {name for name in top if name.startswith("_")} | {
        name for factories in per_class.values() for name in factories}
    unread = {name for name in private - _referenced(module) if _only_factories(module, name, tf)}
    if unread:  # a private factory nothing calls any more: its TF1 cells would only linger
        module = module.visit(_DropDefs(unread))
    return module, plan.regions


def _only_factories(module: cst.Module, name: str, tf) -> bool:
    """Every top-level def and method of this name is a cell factory (_DropDefs drops by name)."""
    defs = [(stmt, False) for stmt in module.body if isinstance(stmt, cst.FunctionDef)] + [
        (item, True) for stmt in module.body if isinstance(stmt, cst.ClassDef)
        for item in stmt.body.body if isinstance(item, cst.FunctionDef)]
    return all(_as_factory(fn, tf, method) is not None for fn, method in defs if fn.name.value == name)


def _referenced(module: cst.Module) -> set[str]:
    """Every name read (`f`, `obj.f`) in the module, def names aside."""
    names: set[str] = set()

    class _Refs(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            for part in (node.params, node.body, *node.decorators):
                part.visit(self)
            if node.returns is not None:
                node.returns.visit(self)
            return False  # (not its name)

        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> None:
            names.add(node.attr.value)

    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            _Refs().visit_FunctionDef(stmt)
        else:
            stmt.visit(_Refs())
    return names


class _DropDefs(cst.CSTTransformer):
    """Remove the top-level functions and methods of these names."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.depth = 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.depth += 1
        return False

    def leave_FunctionDef(self, original, updated):
        self.depth -= 1
        return cst.RemoveFromParent() if original.name.value in self.names else updated
