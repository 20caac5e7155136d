"""RNN cells kept on `self` (`self.cell = tf.nn.rnn_cell.GRUCell(hidden)` in `__init__`, run or
called in one other method), built instead where they run, before the codemod.

A cell creates nothing when it is built (TF1 makes its variables on its first run), so building
it at the top of the one method that uses it builds the same cell: the names it reads from the
constructing method are kept where the constructor ran, as attributes (`self._cell_hidden =
hidden`), so they hold the values the constructor saw. The method then builds and runs its cell
(migrate/codemod/rnn_cells.py converts it); called again, its module hands the kept variables to
the fresh cell, as TF1's one cell object reused them.

Required, else left as written (rnn_cells.py then reports the stored cell): the attribute bound
once, by a statement of its own in a method's body, to a cell constructor; every other use of it
in one method (not in a nested function); the local name it becomes free there.
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.creators_rnn import CELLS, RUNNERS


def _free(expr: cst.CSTNode) -> set[str]:
    """Names read by `expr`, without those its comprehensions bind."""
    names: set[str] = set()
    bound: set[str] = set()

    class _Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            names.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)
            return False

        def visit_CompFor(self, node: cst.CompFor) -> None:
            for n in _target_names(node.target):
                bound.add(n)

    expr.visit(_Names())
    return names - bound


def _target_names(target: cst.CSTNode) -> set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    found: set[str] = set()
    if isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            found |= _target_names(element.value)
    return found


class _Uses(cst.CSTVisitor):
    """`self.<attr>` nodes of one method, its local names, its constructions into `self`."""

    def __init__(self, self_name: str, tf) -> None:
        self.self_name = self_name
        self.tf = tf
        self.depth = 0
        self.uses: dict[str, list[tuple[cst.Attribute, int]]] = {}
        self.locals: set[str] = set()
        self.built: dict[str, list[cst.SimpleStatementLine]] = {}
        self.runs: set[int] = set()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self.depth == 0:
            for p in (*node.params.params, *node.params.kwonly_params, *node.params.posonly_params):
                self.locals.add(p.name.value)
        self.depth += 1

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth -= 1

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.depth += 1

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.depth -= 1

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self.locals |= _target_names(t.target)

    def visit_For(self, node: cst.For) -> None:
        self.locals |= _target_names(node.target)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self.locals |= _target_names(node.asname.name)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.locals |= _target_names(node.target)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        if self.depth != 1 or len(node.body) != 1 or not isinstance(node.body[0], cst.Assign):
            return
        assign = node.body[0]
        target = assign.targets[0].target if len(assign.targets) == 1 else None
        if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) \
                and target.value.value == self.self_name and isinstance(assign.value, cst.Call) \
                and self.tf.api(assign.value.func) in CELLS:
            self.built.setdefault(target.attr.value, []).append(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Name) and node.value.value == self.self_name:
            self.uses.setdefault(node.attr.value, []).append((node, self.depth))

    def visit_Call(self, node: cst.Call) -> None:
        """Record the attributes this method runs (called directly, or given to a runner)."""
        if isinstance(node.func, cst.Attribute):
            self.runs.add(id(node.func))
        if self.tf.api(node.func) in RUNNERS:
            self.runs.update(id(a.value) for a in node.args)


class _Rewrite(cst.CSTTransformer):
    def __init__(self, statements, attributes, inserts) -> None:
        self.statements = statements  # id(stmt) -> replacement statements
        self.attributes = attributes  # id(Attribute) -> Name
        self.inserts = inserts  # id(FunctionDef) -> statements put first in its body

    def leave_Attribute(self, original, updated):
        return self.attributes.get(id(original), updated)

    def leave_SimpleStatementLine(self, original, updated):
        if id(original) in self.statements:
            new = self.statements[id(original)]
            return cst.FlattenSentinel(new) if new else cst.RemoveFromParent()
        return updated

    def leave_FunctionDef(self, original, updated):
        first = self.inserts.get(id(original))
        body = list(updated.body.body)
        if first:
            at = 1 if body and isinstance(body[0], cst.SimpleStatementLine) and isinstance(
                body[0].body[0], cst.Expr) and isinstance(body[0].body[0].value, cst.SimpleString) else 0
            body[at:at] = first
        if not body:
            body = [cst.SimpleStatementLine([cst.Pass()])]
        return updated.with_changes(body=updated.body.with_changes(body=body))


def _methods(cls: cst.ClassDef):
    for item in cls.body.body:
        if isinstance(item, cst.FunctionDef) and item.params.params and not any(
                isinstance(d.decorator, cst.Name) and d.decorator.value in ("staticmethod", "classmethod")
                for d in item.decorators):
            yield f"{cls.name.value}.{item.name.value}", item


def build_cells_where_they_run(module: cst.Module, tf, only) -> tuple[cst.Module, set[str]]:
    """The module with each decidable cell attribute built in the method that uses it; the
    qualnames of those methods."""
    statements: dict[int, list] = {}
    attributes: dict[int, cst.Name] = {}
    inserts: dict[int, list] = {}
    regions: set[str] = set()
    attribute_reads: dict[str, int] | None = None
    for cls in module.body:
        if not isinstance(cls, cst.ClassDef):
            continue
        if attribute_reads is None:
            attribute_reads = _attribute_counts(module)
        scans = {}
        for qualname, method in _methods(cls):
            scan = _Uses(method.params.params[0].name.value, tf)
            fast_visit(method, scan)  # (a read-only scan: the same callbacks, faster)
            scans[qualname] = (method, scan)
        built = [(q, attr, stmts) for q, (_, s) in scans.items() for attr, stmts in s.built.items()]
        for owner, attr, stmts in built:
            if len(stmts) != 1 or sum(attr in s.built for _, s in scans.values()) != 1:
                continue
            statement = stmts[0]
            target = statement.body[0].targets[0].target
            users = {q for q, (_, s) in scans.items()
                     if any(node is not target for node, _ in s.uses.get(attr, []))}
            if len(users) != 1:
                continue
            (user,) = users
            if only is not None and user not in only:
                continue
            method, scan = scans[user]
            uses = [(node, depth) for node, depth in scan.uses.get(attr, []) if node is not target]
            if any(depth != 1 for _, depth in uses) or not any(id(n) in scan.runs for n, _ in uses):
                continue  # (a cell the method does not run gains nothing from moving)
            if attribute_reads.get(attr, 0) != sum(len(s.uses.get(attr, [])) for _, s in scans.values()):
                continue  # read outside the class's own methods (a subclass, a caller)
            local = attr.lstrip("_") or "cell"
            if local in scan.locals or local in _free(module):
                local = f"{local}_cell"
                if local in scan.locals:
                    continue
            owner_method, owner_scan = scans[owner]
            value = statement.body[0].value
            free = _free(value)
            snapshots = []
            mapping: dict[str, cst.BaseExpression] = {}
            for name in sorted(free):
                if name == owner_scan.self_name:
                    mapping[name] = cst.Name(scan.self_name)
                elif name in owner_scan.locals and owner != user:
                    if name in _cell_locals(owner_method, tf):
                        break  # cells built beside it: kept on self for all (rnn_cell_shared.py)
                    kept = f"_{attr.lstrip('_')}_{name}"
                    if kept in owner_scan.uses or kept in scan.uses:
                        break
                    snapshots.append(cst.SimpleStatementLine([cst.Assign(
                        [cst.AssignTarget(cst.parse_expression(f"{owner_scan.self_name}.{kept}"))],
                        cst.Name(name))]))
                    mapping[name] = cst.parse_expression(f"{scan.self_name}.{kept}")
                elif name in scan.locals and owner != user:
                    break  # a global the using method shadows
            else:
                new_value = value.visit(_Substitute(mapping)) if mapping else value
                assignment = cst.SimpleStatementLine(
                    [cst.Assign([cst.AssignTarget(cst.Name(local))], new_value)])
                if owner == user:
                    statements[id(statement)] = [assignment]
                else:
                    if snapshots:
                        snapshots[0] = snapshots[0].with_changes(leading_lines=statement.leading_lines)
                    statements[id(statement)] = snapshots
                    inserts.setdefault(id(method), []).append(assignment)
                for node, _ in uses:
                    attributes[id(node)] = cst.Name(local)
                regions.add(user)
    if not regions:
        return module, set()
    return module.visit(_Rewrite(statements, attributes, inserts)), regions


def _cell_locals(method: cst.FunctionDef, tf) -> set[str]:
    """Local names `method` binds to (lists of) cells: `cells = [GRUCell(n) ...]`,
    `cells.append(cell)` of one."""
    found: set[str] = set()

    def has_cell(expr: cst.CSTNode) -> bool:
        hit = [False]

        class _V(cst.CSTVisitor):
            def visit_Call(self, node: cst.Call) -> None:
                if tf.api(node.func) in CELLS:
                    hit[0] = True

            def visit_Name(self, node: cst.Name) -> None:
                if node.value in found:
                    hit[0] = True

        expr.visit(_V())
        return hit[0]

    class _Bindings(cst.CSTVisitor):
        def visit_Assign(self, node: cst.Assign) -> None:
            if has_cell(node.value):
                for t in node.targets:
                    found.update(_target_names(t.target))

        def visit_Call(self, node: cst.Call) -> None:
            func = node.func
            if isinstance(func, cst.Attribute) and func.attr.value in ("append", "extend") \
                    and isinstance(func.value, cst.Name) and any(has_cell(a.value) for a in node.args):
                found.add(func.value.value)

    for _ in range(3):  # (cell = LSTMCell(n); cells.append(cell): names reached through others)
        fast_visit(method, _Bindings())
    return found


class _Substitute(cst.CSTTransformer):
    def __init__(self, mapping) -> None:
        self.mapping = mapping

    def leave_Name(self, original: cst.Name, updated: cst.Name):
        return self.mapping.get(original.value, updated)

    def leave_Attribute(self, original, updated):
        return updated.with_changes(attr=original.attr)

    def leave_Arg(self, original, updated):
        return updated.with_changes(keyword=original.keyword)


def _attribute_counts(module: cst.Module) -> dict[str, int]:
    """How often each `<expr>.<name>` occurs in the module."""
    counts: dict[str, int] = {}

    class _Count(cst.CSTVisitor):
        def visit_Attribute(self, node: cst.Attribute) -> None:
            counts[node.attr.value] = counts.get(node.attr.value, 0) + 1

    fast_visit(module, _Count())
    return counts
