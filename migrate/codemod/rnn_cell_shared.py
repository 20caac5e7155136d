"""One RNN cell on `self` for all the methods of a class (`self.cell = MultiRNNCell(...)` in
`__init__`, run by `encode()` and `decode()`, or by a training graph and a sampling graph).

TF1 makes a cell's variables on its first run, under the variable scope active there, and every
later run of the same object (in any scope, any method) uses them. The library's cells
(migrate/codemod/tf2_rnn.py) do exactly that: built with no variables, they make them on their
first run under the name scope active then (the converted methods enter TF1's variable scopes
as name scopes) and keep them. So such a cell needs no static decision: the constructing
method builds the library cell where TF1 built its cell (`self.cell = LSTMCell(units)`), the
converted methods hand `owner.cell` to their runners, and whichever runs first names it, as in
TF1. The owner, a tf.Module, tracks its variables.

Required, else rnn_cells.py reports the cell as before: the attribute bound once in the class,
by a statement of its own (`self.cell = <cell constructor>`, also `self.cell = cell = ...`) in a
method that runs no cell itself; everywhere else it is only run (a runner's cell argument) or
asked `zero_state` / `state_size` / `output_size`, never in a nested function, never assigned.
"""

from __future__ import annotations

import ast

import libcst as cst

from migrate.codemod.creators_rnn import CELL_PARAMS, CELLS, LAYER_OBJECTS, LIBRARY_CALLS, RUNNERS
from migrate.codemod.tfapi import TfNames

_READS = {"zero_state", "state_size", "output_size"}
# Layer objects kept on `self` for several methods (layer_attributes_shared.py) are held and run
# the same way: named at their first call, kept after.
_HELD = {**CELLS, **LAYER_OBJECTS}
_RUNNER_CLASSES = frozenset(spec.class_name for spec in RUNNERS.values())


def shared_cells_by_class(tree: ast.Module, tf: TfNames, outside_reads: bool = True) -> dict[str, frozenset[str]]:
    """Class name -> its shared cell attributes (top-level classes). `outside_reads`: refuse an
    attribute read outside those classes (off for the converted text, whose generated modules
    read `owner.cell`)."""
    found: dict[str, frozenset[str]] = {}
    inside: dict[str, dict[str, int]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            attrs = _shared_in_class(node, tf)
            if attrs:
                found[node.name] = attrs
                inside[node.name] = _attribute_counts(node)
    if not found or not outside_reads:
        return found
    # (read outside those classes' own methods, `model.cell` in a caller or a subclass: that
    # code would get the library cell, so the cell stays TF1)
    reads = _attribute_counts(tree)
    ours: dict[str, int] = {}
    for name, attrs in found.items():
        for a in attrs:
            ours[a] = ours.get(a, 0) + inside[name].get(a, 0)
    kept = {name: frozenset(a for a in attrs if reads.get(a, 0) == ours[a]) for name, attrs in found.items()}
    return {name: attrs for name, attrs in kept.items() if attrs}


def _attribute_counts(root: ast.AST) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in ast.walk(root):
        if type(node) is ast.Attribute:
            counts[node.attr] = counts.get(node.attr, 0) + 1
    return counts


def constructing_methods(cls: ast.ClassDef, tf: TfNames, attrs: frozenset[str]) -> set[str]:
    """The methods binding one of `attrs` (their cell constructors become library classes)."""
    return {m.name for m in _methods(cls) for a in _bindings(m, tf) if a in attrs}


def _methods(cls: ast.ClassDef) -> list[ast.FunctionDef]:
    return [m for m in cls.body if isinstance(m, ast.FunctionDef) and m.args.args]


def _bindings(method: ast.FunctionDef, tf: TfNames) -> list[str]:
    """Attributes `method` binds to a cell constructor by a top-level statement."""
    me = method.args.args[0].arg
    out = []
    for stmt in method.body:
        if not (isinstance(stmt, ast.Assign) and type(stmt.value) is ast.Call
                and tf.api(stmt.value.func) in _HELD):
            continue
        for target in stmt.targets:
            if _self_attr(target, me) is not None:
                out.append(target.attr)  # type: ignore[attr-defined]
    return out


def _self_attr(node: ast.AST, me: str) -> str | None:
    if type(node) is ast.Attribute and type(node.value) is ast.Name and node.value.id == me:
        return node.attr
    return None


def _shared_in_class(cls: ast.ClassDef, tf: TfNames) -> frozenset[str]:
    methods = _methods(cls)
    bound: dict[str, list[str]] = {}
    for m in methods:
        for attr in _bindings(m, tf):
            bound.setdefault(attr, []).append(m.name)
    candidates = {a for a, where in bound.items() if len(where) == 1}
    if not candidates:
        return frozenset()
    for m in methods:
        me = m.args.args[0].arg
        parents = {id(c): p for p in ast.walk(m) for c in ast.iter_child_nodes(p)}
        runs_cells = any(type(n) is ast.Call and tf.api(n.func) in RUNNERS for n in ast.walk(m))
        for node in ast.walk(m):
            attr = _self_attr(node, me)
            if attr not in candidates:
                continue
            if not _allowed_use(node, parents, m, tf):
                candidates.discard(attr)
            elif isinstance(parents.get(id(node)), ast.Assign) and runs_cells:
                candidates.discard(attr)  # built where it also runs: rnn_cells.py's own case
    return frozenset(candidates)


def _allowed_use(node: ast.AST, parents: dict[int, ast.AST], method: ast.FunctionDef, tf: TfNames) -> bool:
    parent = parents.get(id(node))
    if isinstance(parent, ast.Assign):  # the binding itself (checked by _bindings: one statement)
        return node in parent.targets and parent in method.body and type(parent.value) is ast.Call \
            and tf.api(parent.value.func) in _HELD
    if _nested(node, parents, method):
        return False
    if type(parent) is ast.Attribute and parent.attr in _READS:
        return True
    if type(parent) is ast.Call and node in parent.args and tf.api(parent.func) in RUNNERS:
        return True
    if type(parent) is ast.keyword and parent.arg in ("cell", "cell_fw", "cell_bw"):
        call = parents.get(id(parent))
        return type(call) is ast.Call and tf.api(call.func) in RUNNERS
    return False


def _nested(node: ast.AST, parents: dict[int, ast.AST], method: ast.FunctionDef) -> bool:
    parent = parents.get(id(node))
    while parent is not None and parent is not method:
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            return True
        parent = parents.get(id(parent))
    return False


def build_library_cells(module: cst.Module, tf: TfNames, converted_owners: set[str],
                        library_classes: set[str]) -> cst.Module:
    """In the constructing methods of the classes in `converted_owners` (their cell-running
    methods converted), every cell constructor becomes the library class with the same
    arguments (`tf.nn.rnn_cell.LSTMCell(n)` -> `LSTMCell(n)`); the classes used are added to
    `library_classes`. (Only files whose converted code runs a cell are read again.)"""
    if not converted_owners or not library_classes & _RUNNER_CLASSES:
        return module
    tree = ast.parse(module.code)
    shared = shared_cells_by_class(tree, tf, outside_reads=False)
    wanted: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in shared and node.name in converted_owners:
            wanted[node.name] = constructing_methods(node, tf, shared[node.name])
    if not wanted:
        return module

    class _Ctors(cst.CSTTransformer):
        def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
            name = LIBRARY_CALLS.get(tf.api(original.func) or "")
            if name is None:
                return updated
            library_classes.add(name)
            if name in LAYER_OBJECTS.values():  # layer_object("Dense", ...) -> LayerObject(Dense, ...)
                layer = updated.args[0].value
                assert isinstance(layer, cst.SimpleString)
                library_classes.add(layer.evaluated_value)
                args = [updated.args[0].with_changes(value=cst.Name(layer.evaluated_value)),
                        *updated.args[1:]]
                return updated.with_changes(func=cst.Name(name), args=args)
            return updated.with_changes(func=cst.Name(name))

    body = []
    for stmt in module.body:
        if isinstance(stmt, cst.ClassDef) and stmt.name.value in wanted:
            items = [item.visit(_Ctors()) if isinstance(item, cst.FunctionDef)
                     and item.name.value in wanted[stmt.name.value] else item for item in stmt.body.body]
            stmt = stmt.with_changes(body=stmt.body.with_changes(body=items))
        body.append(stmt)
    return module.with_changes(body=body)


def runs_shared_cell(converter, original: cst.Call, callee: str) -> bool:
    """A runner call (`tf.nn.dynamic_rnn(self.cell, ...)`) whose cells are all the class's shared
    cells: its module creates nothing of its own (the cell keeps the variables of its first run),
    so under a reusing scope it needs no earlier module to reuse. (A method converts with a cell
    on `self` only when rnn_cells.py accepted it as shared.)"""
    info = converter.ctx.analysis.functions.get(callee)
    me = converter.info.self_name
    if info is None or info.external is None or not info.external.implicit or me is None:
        return False
    runner = RUNNERS.get(info.external.origin[len("tf."):])
    if runner is None:
        return False
    params = CELL_PARAMS[runner.class_name]
    cells = [a.value for i, a in enumerate(original.args)
             if (a.keyword.value if a.keyword is not None else
                 runner.params[i] if i < len(runner.params) else None) in params]
    return bool(cells) and all(isinstance(c, cst.Attribute) and isinstance(c.value, cst.Name)
                               and c.value.value == me for c in cells)
