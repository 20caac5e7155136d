"""RNN cells called directly (`output, state = cell(x_t, state)` in a hand-unrolled loop), written
before the codemod as the runner-like call it converts (creators_rnn.CELL_CALL_API).

TF1 semantics (RNNCell.__call__, verified with tf.compat.v1 in graph mode): the first call of a
cell object opens `variable_scope(None, default_name=<its name: lstm_cell, gru_cell,
multi_rnn_cell, ... or name=>)` in the variable scope active there and keeps it: later calls
reuse those variables wherever they run, with or without `reuse_variables()`. Two cells of one
class first called in one scope are `lstm_cell` and `lstm_cell_1`; wrappers add no scope.

So `cell(x, state)` is `cell_call(cell, x, state, scope="lstm_cell", reuse=tf.AUTO_REUSE)` --
one module per cell, named as TF1 named the cell -- when the cell's class (and so its name) is
known from the text: the name is bound, outside any loop, to a cell built in this function
(through wrappers and earlier bindings), every direct call of it comes after that and runs in one
variable scope (the same `with` blocks, none entered inside a loop), no other cell of the same
name is called in that scope, and it is not also run by dynamic_rnn & co. Anything else stays a
direct call, refused by the codemod (migrate/codemod/rnn_cells.py) with an info note here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.creators_rnn import CELL_CALL_API, CELL_SCOPE_NAMES, CELLS, RUNNERS
from migrate.diagnostics import Diagnostic

_WRAPPERS = {"DropoutWrapper": "cell", "ResidualWrapper": "cell"}
_CODE = "implicit-creator"


@dataclass
class _Binding:
    line: int
    value: cst.BaseExpression
    in_loop: bool


@dataclass
class _DirectCall:
    node: cst.Call
    cell: str
    line: int
    withs: tuple[int, ...]
    with_in_loop: bool  # a `with` entered inside a loop holds the call, its scope not a fixed string


@dataclass
class CellCallPlan:
    calls: dict[int, cst.Call] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    regions: set[str] = field(default_factory=set)


class _Scan(cst.CSTVisitor):
    def __init__(self, tf, positions) -> None:
        self.tf = tf
        self.positions = positions
        self.nesting: list[tuple[str, int]] = []
        self.depth = 0
        self.bindings: dict[str, list[_Binding]] = {}
        self.direct: list[_DirectCall] = []
        self.run_names: set[str] = set()  # names passed to a runner (dynamic_rnn & co)
        self.has_ctor = False

    def _line(self, node: cst.CSTNode) -> int:
        return self.positions[node].start.line

    def visit_With(self, node: cst.With) -> None:
        # ("with", id) / ("fixed-with", id): a `with` whose every item is a variable_scope
        # named by a string literal, which enters the same scope at every turn of a loop
        self.nesting.append(("fixed-with" if all(_literal_scope(self.tf, item.item) for item in node.items)
                             else "with", id(node)))

    def leave_With(self, node: cst.With) -> None:
        self.nesting.pop()

    def leave_For(self, node: cst.For) -> None:
        self.nesting.pop()

    def visit_While(self, node: cst.While) -> None:
        self.nesting.append(("loop", id(node)))

    def leave_While(self, node: cst.While) -> None:
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

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self.bindings.setdefault(target.target.value, []).append(_Binding(
                    self._line(node), node.value, any(k == "loop" for k, _ in self.nesting)
                    or self.depth != 1))
            else:
                for name in _names(target.target):
                    self.bindings.setdefault(name, []).append(_Binding(self._line(node), None, True))

    def visit_For(self, node: cst.For) -> None:
        self.nesting.append(("loop", id(node)))
        for name in _names(node.target):
            self.bindings.setdefault(name, []).append(_Binding(self._line(node), None, True))

    def visit_Call(self, node: cst.Call) -> None:
        api = self.tf.api(node.func)
        if api in CELLS:
            self.has_ctor = True
        if api in RUNNERS:
            for arg in node.args:
                self.run_names |= _names(arg.value)
        if self.depth == 1 and isinstance(node.func, cst.Name):
            kinds = [k for k, _ in self.nesting]
            first_loop = kinds.index("loop") if "loop" in kinds else len(kinds)
            self.direct.append(_DirectCall(
                node, node.func.value, self._line(node),
                tuple(i for k, i in self.nesting if k in ("with", "fixed-with")), "with" in kinds[first_loop:]))


def _literal_scope(tf, expr: cst.BaseExpression) -> bool:
    """`tf.variable_scope("name", ...)`: the same scope however often it is entered (TF1 does
    not uniquify variable scope names given as strings; only default_name= is numbered)."""
    return isinstance(expr, cst.Call) and tf.api(expr.func) == "variable_scope" and bool(expr.args) \
        and expr.args[0].keyword is None and _string(expr.args[0].value) is not None \
        and not any(a.keyword is not None and a.keyword.value == "default_name" for a in expr.args)


def _cell_arguments(call: cst.Call) -> list[cst.Arg] | None:
    """The call's (inputs, state) as two positional arguments: `cell(x, s)`, `cell(x, state=s)`,
    `cell(inputs=x, state=s)` (RNNCell.__call__(inputs, state)); None for anything else. Keywords
    only in that order, so the arguments are still evaluated in the order they were written."""
    args = list(call.args)
    if len(args) != 2 or any(a.star for a in args):
        return None
    names = tuple(a.keyword.value if a.keyword is not None else None for a in args)
    if names not in ((None, None), (None, "state"), ("inputs", "state")):
        return None
    return [a.with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT, comma=cst.MaybeSentinel.DEFAULT)
            for a in args]


def _names(target: cst.CSTNode) -> set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    found: set[str] = set()
    for child in target.children:
        if isinstance(child, (cst.Name, cst.Tuple, cst.List, cst.Element, cst.StarredElement,
                              cst.ListComp, cst.BinaryOperation)):
            found |= _names(child)
    return found


def _string(expr: cst.BaseExpression | None) -> str | None:
    if isinstance(expr, cst.SimpleString):
        value = expr.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _scope_name(scan: _Scan, expr: cst.BaseExpression | None, line: int, seen: int = 0):
    """(TF1 scope name of the cell `expr` evaluates to, or None, why not)."""
    if seen > 20 or expr is None:
        return None, "its cell cannot be followed"
    if isinstance(expr, cst.Name):
        earlier = [b for b in scan.bindings.get(expr.value, []) if b.line < line]
        if not earlier:
            return None, f"'{expr.value}' is not a cell built in this function"
        if any(b.in_loop for b in scan.bindings[expr.value]):
            return None, f"'{expr.value}' is bound in a loop (a new cell, and TF1 name, per turn)"
        return _scope_name(scan, earlier[-1].value, earlier[-1].line, seen + 1)
    if not isinstance(expr, cst.Call):
        return None, "its cell is chosen at run time (or not built in this function)"
    cls = CELLS.get(scan.tf.api(expr.func) or "")
    if cls is None:
        return None, "it is not built in this function by a tf.nn.rnn_cell class"
    named = next((a.value for a in expr.args if a.keyword is not None and a.keyword.value == "name"), None)
    if cls in _WRAPPERS:
        inner = next((a.value for a in expr.args if a.keyword is not None
                      and a.keyword.value == _WRAPPERS[cls]), None)
        if inner is None and expr.args and expr.args[0].keyword is None:
            inner = expr.args[0].value
        return _scope_name(scan, inner, line, seen + 1)
    if named is not None and not (isinstance(named, cst.Name) and named.value == "None"):
        literal = _string(named)
        return (literal, "") if literal else (None, "its name= is computed")
    return CELL_SCOPE_NAMES[cls], ""


def plan_function(function: cst.FunctionDef, qualname: str | None, tf, positions,
                  plan: CellCallPlan) -> None:
    scan = _Scan(tf, positions)
    fast_visit(function, scan)  # (a read-only scan: the same callbacks, faster)
    if not scan.has_ctor or tf.tf_alias is None:
        return
    cells = {c.cell for c in scan.direct if c.cell in scan.bindings}
    decided: dict[str, str] = {}
    for cell in sorted(cells):
        calls = [c for c in scan.direct if c.cell == cell]
        value_binding = scan.bindings[cell][-1]
        if value_binding.value is None or not _is_cell_value(scan, value_binding.value):
            continue  # not a cell at all: an ordinary function called by name
        why = None
        name, reason = _scope_name(scan, cst.Name(cell), calls[0].line + 1)
        if name is None:
            why = reason
        elif any(c.line <= b.line for c in calls for b in scan.bindings[cell]):
            why = f"'{cell}' is bound again after it is called"
        elif cell in scan.run_names:
            why = "it is also run by dynamic_rnn / static_rnn / bidirectional_dynamic_rnn"
        elif any(_cell_arguments(c.node) is None for c in calls):
            why = "a call passes other than (inputs, state)"
        elif len({c.withs for c in calls}) > 1 or any(c.with_in_loop for c in calls):
            why = "it is called in more than one variable scope"
        if why is not None:
            plan.diagnostics.append(Diagnostic(
                _CODE, f"the RNN cell '{cell}' called directly is kept: {why}", calls[0].line, 0, "info"))
            continue
        decided[cell] = name
    clashes = {}
    for cell, name in decided.items():
        withs = next(c.withs for c in scan.direct if c.cell == cell)
        clashes.setdefault((name, withs), []).append(cell)
    for (name, _), same in clashes.items():
        if len(same) > 1:
            for cell in same:
                line = next(c.line for c in scan.direct if c.cell == cell)
                plan.diagnostics.append(Diagnostic(
                    _CODE, f"the RNN cell '{cell}' called directly is kept: cells {', '.join(same)} "
                    f"are all first called in one scope as {name!r} (TF1 made {name}, {name}_1 in "
                    "call order)", line, 0, "info"))
                del decided[cell]
    if not decided:
        return
    func = cst.parse_expression(f"{tf.tf_alias}.{CELL_CALL_API}")
    for call in scan.direct:
        if call.cell not in decided:
            continue
        args = [cst.Arg(cst.Name(call.cell))]
        args += _cell_arguments(call.node) or []
        name = decided[call.cell]
        quoted = f'"{name}"' if '"' not in name and "\\" not in name else repr(name)
        args += [_keyword("scope", cst.SimpleString(quoted)),
                 _keyword("reuse", cst.parse_expression(f"{tf.tf_alias}.AUTO_REUSE"))]
        plan.calls[id(call.node)] = call.node.with_changes(func=func, args=args)
    plan.regions.add(qualname)


def _is_cell_value(scan: _Scan, value: cst.BaseExpression, seen: int = 0) -> bool:
    """`value` builds a cell (a constructor somewhere at its root: a call, or a choice of them)."""
    if seen > 20:
        return False
    if isinstance(value, cst.Call):
        return scan.tf.api(value.func) in CELLS
    if isinstance(value, cst.IfExp):
        return _is_cell_value(scan, value.body, seen + 1) or _is_cell_value(scan, value.orelse, seen + 1)
    if isinstance(value, cst.Name):
        bindings = scan.bindings.get(value.value, [])
        return any(b.value is not None and _is_cell_value(scan, b.value, seen + 1) for b in bindings)
    return False


def _keyword(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(value, keyword=cst.Name(name),
                   equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))
