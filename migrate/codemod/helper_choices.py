"""A helper chosen by a condition, then called once, written as the two calls it stands for.

Real model code picks one of two variable-creating helpers and calls it a line later
(transformer-xl: `lookup_fn = (mul_lookup if use_tpu else mask_lookup)` then
`emb, params = lookup_fn(x, ...)`; also the statement form `if c: fn = a / else: fn = b`).
The helpers are then *used as values*, and the caller cannot become a module. The rewrite

    if use_tpu:
        emb, params = mul_lookup(x, ...)
    else:
        emb, params = mask_lookup(x, ...)

means the same: the condition is evaluated once, before the arguments, as before (it may not
call anything, and nothing between the choice and the call may mention its names), and the chosen
name is used nowhere else in the function. Each branch's call is then a direct call the codemod
converts as any other (a submodule built in its branch, TF1's names kept). Like the arg_scope and
layer-object passes this is a text pass over the planner's and the transform's input: a function
the codemod keeps as TF1 gets its text back (`only`).
"""

from __future__ import annotations

import ast

import libcst as cst

from migrate import astparse
from migrate.codemod.arg_scopes import ArgScopeResult


def resolve_helper_choices(source: str, path: str = "<string>",
                           only: frozenset[str | None] | None = None) -> ArgScopeResult:
    """The text with each resolvable choice-then-call written as an `if`; with `only`, just in
    these functions ("f", "Cls.method")."""
    if not _may_hold_a_choice(source):
        return ArgScopeResult(source)
    from migrate.cstparse import parse_module

    module = parse_module(source)
    rewriter = _Rewriter(only)
    new = module.visit(rewriter)
    if not rewriter.regions:
        return ArgScopeResult(source)
    return ArgScopeResult(new.code, resolved=len(rewriter.regions), regions=set(rewriter.regions))


def _may_hold_a_choice(source: str) -> bool:
    """False only when the rewrite has nothing to do: no function assigns a conditional
    expression of two names, nor assigns a name in both branches of an `if`. An `ast` walk of the
    shared tree; most files stop at the text test."""
    if " if " not in source and "else:" not in source:
        return False
    try:
        tree = astparse.parse(source)
    except (SyntaxError, ValueError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.IfExp) and \
                _is_reference(node.value.body) and _is_reference(node.value.orelse):
            return True
        if isinstance(node, ast.If) and len(node.body) == 1 and len(node.orelse) == 1 and \
                all(isinstance(s, ast.Assign) and _is_reference(s.value) for s in (node.body[0], node.orelse[0])):
            return True
    return False


def _is_reference(node: ast.AST) -> bool:
    """`name` or `a.b.name`."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _cst_reference(node: cst.BaseExpression) -> bool:
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name) and not node.lpar


_EFFECTS = (cst.Call, cst.Lambda, cst.Await, cst.Yield, cst.NamedExpr, cst.ListComp, cst.GeneratorExp)


def _calls_nothing(test: cst.BaseExpression) -> bool:
    """The condition only reads names and compares: evaluating it a statement later (after the
    ones between, which do not mention its names) gives the same value and does nothing else."""
    found = _NodeKinds()
    test.visit(found)
    return not any(issubclass(kind, _EFFECTS) for kind in found.kinds)


class _NodeKinds(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.kinds: set[type] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.kinds.add(type(node))
        return True


class _Names(cst.CSTVisitor):
    """Every use of a bare name (not an attribute's `.attr`, not a keyword argument's name)."""

    def __init__(self) -> None:
        super().__init__()
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
    found = _Names()
    node.visit(found)
    return found.counts


class _Rewriter(cst.CSTTransformer):
    def __init__(self, only: frozenset[str | None] | None) -> None:
        super().__init__()
        self.only = only
        self.stack: list[str] = []
        self.regions: set[str] = set()

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.stack.append(node.name.value)
        return len(self.stack) == 1  # methods of top-level classes only

    def leave_ClassDef(self, original_node, updated_node):
        self.stack.pop()
        return updated_node

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.stack.append(node.name.value)
        return False  # rewritten whole in leave_FunctionDef

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef):
        qualname = ".".join(self.stack)
        self.stack.pop()
        if len(self.stack) > 1 or (self.only is not None and qualname not in self.only):
            return updated_node
        counts = _names(updated_node)
        body = _rewrite_block(updated_node.body, counts)
        if body is updated_node.body:
            return updated_node
        self.regions.add(qualname)
        return updated_node.with_changes(body=body)


def _rewrite_block(block, counts: dict[str, int]):
    """The block with its choices rewritten (also in nested if/for/while/with/try bodies, not in
    nested defs); the same object when nothing changed."""
    if not isinstance(block, cst.IndentedBlock):
        return block
    statements = list(block.body)
    changed = False
    i = 0
    while i < len(statements):
        stmt = statements[i]
        choice = _choice(stmt)
        if choice is not None:
            chosen, test, first, second = choice
            done = _rewrite_call(statements, i, chosen, test, first, second, counts)
            if done:
                changed = True
                continue  # statements[i] is now the `if`
        inner = _rewrite_children(stmt, counts)
        if inner is not stmt:
            statements[i] = inner
            changed = True
        i += 1
    return block.with_changes(body=statements) if changed else block


def _rewrite_children(stmt, counts: dict[str, int]):
    if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)) or not hasattr(stmt, "body"):
        return stmt
    changes = {}
    body = _rewrite_block(stmt.body, counts)
    if body is not stmt.body:
        changes["body"] = body
    orelse = getattr(stmt, "orelse", None)
    if isinstance(orelse, (cst.Else, cst.If)):
        new = _rewrite_children(orelse, counts) if isinstance(orelse, cst.If) else orelse.with_changes(
            body=_rewrite_block(orelse.body, counts))
        if new is not orelse and (not isinstance(new, cst.Else) or new.body is not orelse.body):
            changes["orelse"] = new
    return stmt.with_changes(**changes) if changes else stmt


def _choice(stmt) -> tuple[str, cst.BaseExpression, cst.BaseExpression, cst.BaseExpression] | None:
    """(chosen name, condition, helper if true, helper if false) for `fn = a if c else b` or
    `if c: fn = a / else: fn = b`."""
    if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
        target = _single_target(stmt.body[0])
        value = stmt.body[0].value if target else None
        if isinstance(value, cst.IfExp) and _cst_reference(value.body) and _cst_reference(value.orelse):
            return target, value.test, value.body, value.orelse
        return None
    if isinstance(stmt, cst.If) and isinstance(stmt.orelse, cst.Else):
        branches = [_only_statement(stmt.body), _only_statement(stmt.orelse.body)]
        targets = [_single_target(s) if s is not None else None for s in branches]
        if targets[0] and targets[0] == targets[1] and all(_cst_reference(s.value) for s in branches):
            return targets[0], stmt.test, branches[0].value, branches[1].value
    return None


def _only_statement(block) -> cst.Assign | None:
    if isinstance(block, cst.IndentedBlock) and len(block.body) == 1 and \
            isinstance(block.body[0], cst.SimpleStatementLine) and len(block.body[0].body) == 1:
        small = block.body[0].body[0]
        return small if isinstance(small, cst.Assign) else None
    return None


def _single_target(small) -> str | None:
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
        return small.targets[0].target.value
    return None


def _rewrite_call(statements: list, i: int, chosen: str, test, first, second, counts: dict[str, int]) -> bool:
    """Replace statements[i] (the choice) and the one statement that calls `chosen` by an `if`."""
    declared = 1 if isinstance(statements[i], cst.SimpleStatementLine) else 2
    if counts.get(chosen, 0) != declared + 1 or not _calls_nothing(test):
        return False
    test_names = set(_names(test))
    for j in range(i + 1, len(statements)):
        used = _names(statements[j])
        if chosen in used:
            break
        if test_names & set(used):
            return False  # something between may change the condition
    else:
        return False
    call_stmt = statements[j]
    if not (isinstance(call_stmt, cst.SimpleStatementLine) and len(call_stmt.body) == 1):
        return False
    if not _calls_chosen_once(call_stmt.body[0], chosen):
        return False
    branch = lambda helper: cst.IndentedBlock(body=[  # noqa: E731
        call_stmt.with_changes(leading_lines=[]).visit(_Substitute(chosen, helper))])
    if isinstance(statements[i], cst.If):
        test = statements[i].test
    choice_leading = statements[i].leading_lines
    rewritten = cst.If(test=_unparenthesized(test), body=branch(first),
                       orelse=cst.Else(body=branch(second)),
                       leading_lines=[*choice_leading, *call_stmt.leading_lines])
    statements[j] = rewritten
    del statements[i]
    return True


def _unparenthesized(test):
    return test.with_changes(lpar=[], rpar=[]) if getattr(test, "lpar", None) else test


def _calls_chosen_once(small, chosen: str) -> bool:
    """`chosen` is the function of a call (not an argument, not a value)."""
    calls = _ChosenCalls(chosen)
    small.visit(calls)
    return calls.as_function == 1


class _ChosenCalls(cst.CSTVisitor):
    def __init__(self, chosen: str) -> None:
        super().__init__()
        self.chosen = chosen
        self.as_function = 0

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == self.chosen:
            self.as_function += 1


class _Substitute(cst.CSTTransformer):
    def __init__(self, chosen: str, helper: cst.BaseExpression) -> None:
        super().__init__()
        self.chosen = chosen
        self.helper = helper.with_changes(lpar=[], rpar=[]) if getattr(helper, "lpar", None) else helper

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        if isinstance(updated_node.func, cst.Name) and updated_node.func.value == self.chosen:
            return updated_node.with_changes(func=self.helper)
        return updated_node


def transform_with_helper_choices(transform, source: str, path: str):
    """`transform(text) -> TransformOutput` run on the text with its helper choices written as
    `if`s; functions the codemod keeps as TF1 get their choices back as written."""
    from migrate.codemod.arg_scopes import back_to_original

    from migrate.codemod import text_passes

    first = text_passes.helper_choices(source, path)  # (the planner's, when the text is the one it planned)
    if not first.resolved:
        return transform(source)
    out = transform(first.source)
    converted = {f.legacy_name for f in out.functions}
    kept = {r for r in first.regions if r not in converted}
    if not kept:
        return back_to_original(out, source, first)
    again = resolve_helper_choices(source, path, frozenset(first.regions - kept))
    if again.resolved:
        second = transform(again.source)
        if again.regions <= {f.legacy_name for f in second.functions}:
            return back_to_original(second, source, again)
    return transform(source)  # refused code keeps its choices as written


def helper_choice_planning_text(source: str) -> str:
    """The text the project planner analyses: choices written as the transform will write them."""
    from migrate.codemod import text_passes

    return text_passes.helper_choices(source, remember=True).source  # kept for the transform
