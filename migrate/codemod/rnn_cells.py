"""Where an RNN cell may convert: built and run in the same function.

TF1 makes a cell's variables on its first run, so a cell is only decidable statically when the
function that builds it (`cell = tf.nn.rnn_cell.LSTMCell(n)`, `MultiRNNCell([...])`, wrappers)
also hands it to a runner (`tf.nn.dynamic_rnn`, `static_rnn`, `bidirectional_dynamic_rnn`),
and does nothing else with it but read `zero_state` / `state_size` / `output_size`. Then the
constructor becomes the library's cell class and the runner a module the function owns
(migrate/codemod/creators_rnn.py). Anything else (a cell returned, stored on `self`, passed to
another function, called directly, built elsewhere and passed in) stays TF1, reported with the
reason here.
"""

from __future__ import annotations

import ast

from migrate.codemod.creators_rnn import CELL_PARAMS, CELLS, RUNNERS, UNSUPPORTED_CELL_ARGS
from migrate.codemod.tfapi import TfNames, ast_dotted_name

_READS = {"zero_state", "state_size", "output_size", "get_initial_state"}
_WRAPPING = {"MultiRNNCell": "cells", "DropoutWrapper": "cell", "ResidualWrapper": "cell"}
_CODE = "implicit-creator"


def _parents(root: ast.AST) -> dict[int, ast.AST]:
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(root):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    return parents


def _own_nodes(fn: ast.AST):
    """The nodes of `fn`'s body, not those of nested functions / classes (their own scans)."""
    todo = list(ast.iter_child_nodes(fn))
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            todo.extend(ast.iter_child_nodes(node))


def _runner_cell_args(call: ast.Call, spec) -> list[ast.expr]:
    params = CELL_PARAMS[spec.class_name]
    found = [a for i, a in enumerate(call.args) if i < len(spec.params) and spec.params[i] in params]
    found += [k.value for k in call.keywords if k.arg in params]
    return found


def cell_blockers(fn: ast.AST, tf: TfNames, script: bool = False,
                  converting: frozenset[str] = frozenset(),
                  shared: frozenset[str] = frozenset()) -> list[tuple[str, str, ast.AST]]:
    """(code, message, node) for each use of an RNN cell in `fn` that cannot convert
    (`script`: module-level code, where cells stay TF1; `converting`: the spellings of the
    implicit creators this file converts, migrate.codemod.implicit; `shared`: attributes of
    `self` that hold one cell for all the methods of its class, migrate/codemod/rnn_cell_shared.py:
    a method may bind one, and run it or read its state sizes)."""
    calls = [n for n in _own_nodes(fn) if type(n) is ast.Call]
    ctors = [c for c in calls if tf.api(c.func) in CELLS]
    runners = sorted((c for c in calls if tf.api(c.func) in RUNNERS), key=lambda c: (c.lineno, c.col_offset))
    if not ctors and not runners:
        return []
    self_name = _self_name(fn) if shared else None

    def shared_cell(expr: ast.AST) -> bool:
        """`self.cell`, one of the class's shared cells (built once, lazily named where it first runs)."""
        return (self_name is not None and type(expr) is ast.Attribute and expr.attr in shared
                and type(expr.value) is ast.Name and expr.value.id == self_name)

    def assigned_target(target: ast.AST) -> bool:
        return type(target) is ast.Name or shared_cell(target)
    if not runners and _is_factory(fn, tf):
        return []  # builds a cell and returns it: creates nothing (its callers' cells are judged there)
    if script:
        return [(_CODE, f"tf.{tf.api(c.func)} at module level: RNN cells convert inside functions",
                 c) for c in ctors]
    kept = [r for r in runners if ast_dotted_name(r.func) not in converting]
    if kept:  # tf.compat.v1.nn.dynamic_rnn (kept by an earlier run), or a v1 `tf` inlined
        return [(_CODE, f"tf.{tf.api(r.func)} creates its cell's variables and stays TF1 here (an explicit "
                 "tf.compat.v1 spelling, or a tensorflow.compat.v1 import in a one-file run)", r)
                for r in kept]
    parents = _parents(fn)
    out: list[tuple[str, str, ast.AST]] = []

    cell_names: set[str] = set()

    def holds_cell(expr: ast.AST) -> bool:
        """A cell, a wrapper of one, or a list of them (not `cell.zero_state(...)`)."""
        if expr in ctors or shared_cell(expr):
            return True
        if type(expr) is ast.Name:
            return expr.id in cell_names
        if isinstance(expr, (ast.List, ast.Tuple)):
            return any(holds_cell(e) for e in expr.elts)
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            return holds_cell(expr.elt)
        if type(expr) is ast.BinOp:
            return holds_cell(expr.left) or holds_cell(expr.right)
        if type(expr) is ast.IfExp:
            return holds_cell(expr.body) or holds_cell(expr.orelse)
        return False

    nodes = list(_own_nodes(fn))
    while True:  # names bound to cells, or to lists of them, until nothing new
        before = len(cell_names)
        for node in nodes:
            if isinstance(node, ast.Assign) and holds_cell(node.value):
                cell_names.update(t.id for t in node.targets if type(t) is ast.Name)
            if isinstance(node, (ast.comprehension, ast.For)) and holds_cell(node.iter):
                cell_names.update(n.id for n in ast.walk(node.target) if type(n) is ast.Name)
            if (type(node) is ast.Call and type(node.func) is ast.Attribute
                    and node.func.attr in ("append", "extend") and type(node.func.value) is ast.Name
                    and any(holds_cell(a) for a in node.args)):
                cell_names.add(node.func.value.id)
        if len(cell_names) == before:
            break

    def is_cell_expr(expr: ast.AST) -> bool:
        """A constructor, a local cell name, or a list of them (`[cell] * n`, a comprehension)."""
        if expr in ctors or shared_cell(expr):
            return True
        if type(expr) is ast.Name:
            return expr.id in cell_names
        if isinstance(expr, (ast.List, ast.Tuple)):
            return all(is_cell_expr(e) for e in expr.elts)
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            return is_cell_expr(expr.elt)
        if type(expr) is ast.BinOp and type(expr.op) is ast.Mult:
            return is_cell_expr(expr.left) or is_cell_expr(expr.right)
        if type(expr) is ast.IfExp:
            return is_cell_expr(expr.body) and is_cell_expr(expr.orelse)
        return False

    def consumer(node: ast.AST) -> ast.AST | None:
        """The call that receives `node` as (part of) an argument, through list displays."""
        child, parent = node, parents.get(id(node))
        while isinstance(parent, (ast.List, ast.Tuple, ast.ListComp, ast.GeneratorExp, ast.BinOp,
                                  ast.IfExp, ast.keyword, ast.Starred)):
            child, parent = parent, parents.get(id(parent))
        if type(parent) is ast.Call and parent.func is not child:
            return parent
        return None

    def fine_consumer(call: ast.AST | None) -> bool:
        if call is None:
            return False
        if call in ctors or call in runners:
            return True
        func = call.func  # type: ignore[attr-defined]
        return (type(func) is ast.Attribute and func.attr in ("append", "extend")
                and type(func.value) is ast.Name and func.value.id in cell_names) or (
            type(func) is ast.Name and func.id == "len")

    for ctor in ctors:
        name = CELLS[tf.api(ctor.func)]  # type: ignore[index]
        inner = ctor.args[0] if ctor.args and name in _WRAPPING else next(
            (k.value for k in ctor.keywords if k.arg == _WRAPPING.get(name)), None)
        if name in _WRAPPING and (inner is None or not is_cell_expr(inner)):
            shown = ast.unparse(inner) if inner is not None else "?"
            out.append((_CODE, f"the cell(s) given to {name} ({shown}) are not built in this function: "
                       "build them where they run so their variables can be decided", ctor))
        for kw in ctor.keywords:
            if kw.arg in UNSUPPORTED_CELL_ARGS.get(name, ()):
                out.append((_CODE, f"{name}({kw.arg}=...) is not covered by the migrated cell", ctor))
        parent = parents.get(id(ctor))
        assigned = isinstance(parent, ast.Assign) and all(assigned_target(t) for t in parent.targets)
        if not assigned and not fine_consumer(consumer(ctor)) and not _in_assigned_display(ctor, parents, cell_names):
            out.append((_CODE, f"the RNN cell {name}(...) is used here other than by being assigned to a "
                       "name or passed to tf.nn.dynamic_rnn / static_rnn / bidirectional_dynamic_rnn in "
                       "this function (its variables are made where it first runs)", ctor))

    for node in _own_nodes(fn):
        if type(node) is not ast.Name or node.id not in cell_names or type(node.ctx) is not ast.Load:
            continue
        parent = parents.get(id(node))
        if type(parent) is ast.Attribute and parent.attr in _READS | {"append", "extend"}:
            continue
        if isinstance(parent, (ast.comprehension, ast.For)) and parent.iter is node:
            continue  # `for c in cells`: its target is a cell name, checked where it is used
        if type(parent) is ast.Call and parent.func is node:
            out.append((_CODE, f"the RNN cell '{node.id}' is called directly (cell(inputs, state)); only "
                       "cells run by dynamic_rnn / static_rnn / bidirectional_dynamic_rnn convert", node))
            continue
        if fine_consumer(consumer(node)) or _in_assigned_display(node, parents, cell_names):
            continue
        if isinstance(parent, ast.Assign) and parent.value is node and any(shared_cell(t) for t in parent.targets) \
                and all(assigned_target(t) for t in parent.targets):
            continue  # `self.cell = cell`: the class's shared cell
        out.append((_CODE, f"the RNN cell '{node.id}' is used here other than by tf.nn.dynamic_rnn / "
                   "static_rnn / bidirectional_dynamic_rnn or another cell of this function (returned, "
                   "stored, or passed on: TF1 names its variables where it first runs)", node))

    # (a runner of a cell built elsewhere is refused below; the scope rule is about our cells)
    ours = [r for r in runners if all(is_cell_expr(a) for a in _runner_cell_args(r, RUNNERS[tf.api(r.func)]))]
    out += _second_runs(fn, tf, ours, parents)
    for runner in runners:
        spec = RUNNERS[tf.api(runner.func)]  # type: ignore[index]
        if any(isinstance(a, ast.Starred) for a in runner.args) or any(k.arg is None for k in runner.keywords):
            out.append((_CODE, f"tf.{tf.api(runner.func)} called with *args / **kwargs", runner))
            continue
        if spec.class_name == "RnnDecoder" and _loop_function(runner, spec) is not None:
            out.append((_CODE, "rnn_decoder(loop_function=...) feeds each output back through user code "
                        "(a sampling decoder): not covered, only a decoder over given inputs converts", runner))
            continue
        for arg in _runner_cell_args(runner, spec):
            if not is_cell_expr(arg):
                out.append((_CODE, f"the cell run by tf.{tf.api(runner.func)} is not built in this function "
                           f"({ast.unparse(arg)}): build it where it runs so its variables can be decided",
                           runner))
    return out


def _loop_function(runner: ast.Call, spec) -> ast.expr | None:
    """rnn_decoder's loop_function argument, unless absent or a literal None."""
    index = spec.params.index("loop_function")
    value = runner.args[index] if len(runner.args) > index else next(
        (k.value for k in runner.keywords if k.arg == "loop_function"), None)
    if value is None or (type(value) is ast.Constant and value.value is None):
        return None
    return value


def _self_name(fn: ast.AST) -> str | None:
    args = getattr(fn, "args", None)
    params = [*args.posonlyargs, *args.args] if args is not None else []
    return params[0].arg if params else None


def _in_assigned_display(node: ast.AST, parents: dict[int, ast.AST], cell_names: set[str]) -> bool:
    """`cells = [LSTMCell(n) for _ in range(k)]`: inside a list display assigned to a cell name."""
    parent = parents.get(id(node))
    seen_display = False
    while isinstance(parent, (ast.List, ast.Tuple, ast.ListComp, ast.GeneratorExp, ast.BinOp, ast.IfExp)):
        seen_display = True
        parent = parents.get(id(parent))
    return seen_display and isinstance(parent, ast.Assign) and all(
        type(t) is ast.Name and t.id in cell_names for t in parent.targets)


def _second_runs(fn: ast.AST, tf: TfNames, runners: list[ast.Call],
                 parents: dict[int, ast.AST]) -> list[tuple[str, str, ast.AST]]:
    """A runner entering the same `variable_scope(scope or "rnn")` again with a new cell and no
    reuse (a second call in the same scope, or every turn of a loop whose scope names do not
    change): TF1 raises 'Variable .../rnn/gru_cell/kernel already exists'. Kept TF1."""
    if any(type(n) is ast.Attribute and n.attr == "reuse_variables" for n in ast.walk(fn)):
        return []  # reuse switched on somewhere: TF1 shares instead (the conversion shares too)
    out: list[tuple[str, str, ast.AST]] = []
    seen: dict[tuple[str, ...], str] = {}
    for runner in runners:
        spec = RUNNERS[tf.api(runner.func)]  # type: ignore[index]
        scopes: list[str] = []
        loop_names: set[str] = set()
        loop_body: list[ast.AST] = []
        reuse = False
        node = parents.get(id(runner))
        while node is not None and node is not fn:
            if isinstance(node, ast.With):
                for item in node.items:
                    call = item.context_expr
                    if type(call) is ast.Call and tf.api(call.func) == "variable_scope":
                        scopes.append(ast.unparse(call))
                        reuse = reuse or any(k.arg == "reuse" for k in call.keywords)
            elif isinstance(node, (ast.For, ast.While)):
                loop_body.append(node)
                if isinstance(node, ast.For):
                    loop_names.update(n.id for n in ast.walk(node.target) if type(n) is ast.Name)
            node = parents.get(id(node))
        if reuse:
            continue
        scope_arg = next((k.value for k in runner.keywords if k.arg == "scope"), None)
        if scope_arg is None and len(runner.args) > spec.params.index("scope"):
            scope_arg = runner.args[spec.params.index("scope")]
        scope_text = ast.unparse(scope_arg) if scope_arg is not None else ""
        cells = " ".join(ast.unparse(a) for a in _runner_cell_args(runner, spec))
        key = tuple(reversed(scopes)) + (scope_text,)
        what = f"tf.{tf.api(runner.func)}"
        if key in seen and seen[key] != cells:
            out.append((_CODE, f"a second {what} in the same variable scope with another cell: TF1 "
                        "raises 'Variable ... already exists' (give it scope=... or reuse)", runner))
        seen.setdefault(key, cells)
        names_in_key = {n.id for text in key if text for n in ast.walk(ast.parse(text)) if type(n) is ast.Name}
        built_in_loop = any(_builds_cell(loop, tf) for loop in loop_body)
        if loop_body and built_in_loop and not (names_in_key & loop_names):
            out.append((_CODE, f"{what} in a loop with a new cell on every turn, in a variable scope that "
                        "does not change: TF1 raises 'Variable ... already exists' on the second turn",
                        runner))
    return out


def _builds_cell(loop: ast.AST, tf: TfNames) -> bool:
    return any(type(n) is ast.Call and tf.api(n.func) in CELLS for n in ast.walk(loop))


def _is_factory(fn: ast.AST, tf: TfNames) -> bool:
    """`def make_cell(n): cell = LSTMCell(n); return DropoutWrapper(cell, ...)`: assignments and
    the return of a cell constructor, nothing else (migrate/codemod/rnn_cell_factories.py inlines
    its calls in this file)."""
    body = getattr(fn, "body", None)
    if not isinstance(body, list) or not body:
        return False
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    *assigns, last = body or [None]
    return (isinstance(last, ast.Return) and type(last.value) is ast.Call
            and tf.api(last.value.func) in CELLS
            and all(isinstance(a, ast.Assign) and len(a.targets) == 1
                    and type(a.targets[0]) is ast.Name for a in assigns))
