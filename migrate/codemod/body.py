"""The symbolic scope walk over one function body.

It keeps TF1's scope stack while it rewrites: every `get_variable` / `tf.Variable` becomes an
attribute (created on first call), every call of a converted function a submodule, and two sites
resolving to the same full name the same attribute (that is what `reuse` meant). Scopes become
`tf.name_scope`, reuse directives disappear. Anything it cannot model raises `Unsupported`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from collections import Counter
from dataclasses import dataclass

import libcst as cst

from migrate.codemod.lookups import by_captured_scope, cst_listing, listing_code
from migrate.codemod.analyse import FunctionInfo, is_regularization_lookup
from migrate.codemod.creators import makes_default_named_layers
from migrate.codemod.cross_function_reuse import check_owner_call_in_shared_scope, check_shared_across_functions
from migrate.codemod.forwarded_names import argument_for as _argument_for, forwarded_layer_default
from migrate.codemod.creators_rnn import LIBRARY_CALLS as RNN_LIBRARY_CALLS
from migrate.codemod.growing_names import entered_anew
from migrate.codemod.context import GET_VARIABLE_PARAMS, SCOPE_HELPER_NAME, VARIABLE_PARAMS, FileContext, code
from migrate.codemod.naming import NameAllocator, attr_name_for, literal_string, pattern_text, snake_case
from migrate.codemod.plan import ClassPlan, object_name, scope_text, site_line
from migrate.codemod import reentry
from migrate.codemod.repeated_creation import check_call_site
from migrate.codemod.repeated_objects import check_object_site
from migrate.codemod.rnn_cell_shared import runs_shared_cell
from migrate.codemod.scope_paths import path_safe_ctor
from migrate.codemod.scopes import (ScopeCall, ScopeSignature, Unsupported, bind_call,
                                    is_reuse_assertion, is_reuse_block, is_reuse_statement, scope_items)
from migrate.codemod.variables import get_variable_spec, int_bound_names, unpacked_names

Key = tuple[str, str]


def owner_class_of(call: cst.Call, owner_classes: set[str]) -> str | None:
    """The class a call constructs when its methods are converted (`batch_norm(...)`, or another
    file's `modeling.BertModel(...)`), else None."""
    func = call.func
    if isinstance(func, cst.Name):
        return func.value if func.value in owner_classes else None
    if isinstance(func, cst.Attribute) and any("." in c for c in owner_classes):
        dotted = code(func)
        return dotted if dotted in owner_classes else None
    return None


@dataclass
class Frame:
    kind: str  # "var" (variable_scope) | "name" (name_scope) | "transparent"
    key: Key  # ("s", literal) or ("d", code of the expression)
    expr: cst.BaseExpression | None
    call: ScopeCall | None = None
    base: tuple[Key, ...] | None = None  # re-entered captured scope: its absolute path
    reuse: bool = False  # definitely reusing (reuse=True, inherited, or after reuse_variables())
    pending_index: int = -1  # name frames: the statement list before their `with`
    node: cst.With | None = None
    loop_depth: int = 0  # loops enclosing the `with` that opened this frame
    cond_depth: int = 0

    @property
    def dynamic(self) -> bool:
        return self.key[0] == "d"


def _statement(text: str) -> cst.BaseStatement:
    return cst.parse_statement(text)


_STATEMENT_TYPES = (cst.SimpleStatementLine, cst.ClassDef, cst.For, cst.FunctionDef, cst.If, cst.Match,
                    cst.Try, cst.TryStar, cst.While, cst.With)


def _hoisting(cls: type) -> type:
    """Every statement opens a frame of statements to hoist before it (`pending`), closed after
    its own leave callback. Plain visit_X / leave_X (not on_visit / on_leave) so that the fast
    walker can drive the class."""
    for t in _STATEMENT_TYPES:
        name = t.__name__
        visit, leave = cls.__dict__.get(f"visit_{name}"), cls.__dict__.get(f"leave_{name}")

        def visit_statement(self, node, _visit=visit):
            self.pending.append([])
            return _visit(self, node) if _visit is not None else None

        def leave_statement(self, original, updated, _leave=leave):
            result = _leave(self, original, updated) if _leave is not None else updated
            return self._with_pending(result)

        setattr(cls, f"visit_{name}", visit_statement)
        setattr(cls, f"leave_{name}", leave_statement)
    return cls


@_hoisting
class BodyConverter(cst.CSTTransformer):
    """Rewrites one function body into the body of `__call__`, filling a `ClassPlan`."""

    def __init__(self, ctx: FileContext, info: FunctionInfo, sig: ScopeSignature, plan: ClassPlan,
                 attrs: NameAllocator) -> None:
        super().__init__()
        self.ctx = ctx
        self.tf = ctx.tf
        self.info = info
        self.sig = sig
        self.plan = plan
        self.attrs = attrs
        self.frames: list[Frame] = []
        self.frame_counts: list[int] = []
        self.captures: dict[str, tuple[tuple[Key, ...], Frame | None]] = {}
        if sig.capture:
            self.captures[sig.capture] = ((), None)
        self.var_attrs: dict[tuple, str] = {}
        self.sub_attrs: dict[tuple, str] = {}
        self.scope_counts: dict[tuple[Key, ...], Counter[str]] = {}
        self.tfvar_counts: dict[tuple[Key, ...], Counter[str]] = {}
        self.tfvar_helper_sites: set[tuple] = set()  # (scope path, helper, variable name) made so far
        self.pending: list[list[cst.BaseStatement]] = []
        self.loop_depth = 0
        self.cond_depth = 0
        # (scope path, default) first asked for in a branch -> the if/else arms it was asked in
        self.branch_defaults: dict[tuple, tuple[tuple[int, int], ...]] = {}
        # the compound blocks around the current node: (id(If), 0 body / 1 orelse), (id(loop), 2),
        # (id(Try), 3); a first-call build dominates a later use when its blocks are a prefix
        self.arms: list[tuple[int, int]] = []
        self.built_in: dict[str, tuple | None] = {}  # lazily built attribute -> arms (None: never dominates)
        self.nested_depth = 0
        self.comprehension_depth = 0  # (part of nested_depth)
        self.conditions: list[str | None] = []  # the conditional expressions around (None: no test)
        self.skip_names: set[int] = set()
        self.removed_reuse: set[int] = set()
        self.self_name = info.self_name
        self._with_of: dict[int, cst.With] = {}
        self.pending_target: str | None = None  # the local an expression is assigned to
        self.kept_captures: set[str] = _reentered_names(ctx, info.node) | _scope_attribute_names(info.node)
        own_reuse = sig.own_call.reuse if sig.own_call is not None else None
        self.own_reuse = isinstance(own_reuse, cst.Name) and own_reuse.value == "True"
        self.capture_names: set[str] = set()
        self.peers_checked = False  # AUTO_REUSE peers (migrate.codemod.reentry), checked once

    # -- statement bookkeeping: creation statements go right before the statement needing them
    def _with_pending(self, result):
        """The statement's result, preceded by the statements hoisted out of it."""
        before = self.pending.pop()
        if not before:
            return result
        if isinstance(result, cst.FlattenSentinel):
            return cst.FlattenSentinel([*before, *result.nodes])
        if isinstance(result, cst.RemovalSentinel):
            return cst.FlattenSentinel(before)
        return cst.FlattenSentinel([*before, result])

    def _before(self, stmt: cst.BaseStatement) -> None:
        self.pending[-1].append(stmt)

    # -- depth tracking
    def visit_For(self, node: cst.For) -> None:
        self.loop_depth += 1

    def leave_For(self, original: cst.For, updated: cst.For) -> cst.For:
        self.loop_depth -= 1
        return updated

    def visit_While(self, node: cst.While) -> None:
        self.loop_depth += 1

    def leave_While(self, original: cst.While, updated: cst.While) -> cst.While:
        self.loop_depth -= 1
        return updated

    def visit_If(self, node: cst.If) -> None:
        self.cond_depth += 1

    def leave_If(self, original: cst.If, updated: cst.If):
        self.cond_depth -= 1
        if is_reuse_block(self.tf, original.body) and (original.orelse is None or (
                isinstance(original.orelse, cst.Else) and isinstance(original.orelse.body, cst.IndentedBlock)
                and all(is_reuse_assertion(self.tf, st) for st in original.orelse.body.body))):
            return cst.RemovalSentinel.REMOVE  # `if reuse: ....reuse_variables()` [`else: assert not ...reuse`]
        return updated

    def visit_For_body(self, node: cst.For) -> None:
        self.arms.append((id(node), 2))

    def visit_While_body(self, node: cst.While) -> None:
        self.arms.append((id(node), 2))

    def visit_Try_body(self, node: cst.Try) -> None:
        self.arms.append((id(node), 3))

    def leave_For_body(self, node: cst.CSTNode) -> None:
        self.arms.pop()

    leave_While_body = leave_Try_body = leave_For_body

    def visit_If_body(self, node: cst.If) -> None:
        self.arms.append((id(node), 0))

    def visit_If_orelse(self, node: cst.If) -> None:
        self.arms.append((id(node), 1))

    def leave_If_body(self, node: cst.If) -> None:
        self.arms.pop()

    leave_If_orelse = leave_If_body

    def visit_Try(self, node: cst.Try) -> None:
        self.cond_depth += 1

    def leave_Try(self, original: cst.Try, updated: cst.Try) -> cst.Try:
        self.cond_depth -= 1
        return updated

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.nested_depth += 1

    def leave_Lambda(self, original: cst.Lambda, updated: cst.Lambda) -> cst.Lambda:
        self.nested_depth -= 1
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.nested_depth += 1

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        self.nested_depth -= 1
        return updated

    # Comprehensions run their body in a scope of their own: no statement to hoist creation to.
    def _enter_comprehension(self, node: cst.CSTNode) -> None:
        self.nested_depth += 1
        self.comprehension_depth += 1

    def _leave_comprehension(self, original: cst.CSTNode, updated: cst.CSTNode) -> cst.CSTNode:
        self.nested_depth -= 1
        self.comprehension_depth -= 1
        return updated

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _enter_comprehension
    leave_ListComp = leave_SetComp = leave_DictComp = leave_GeneratorExp = _leave_comprehension

    # `b = tf.get_variable("b", [n]) if use_bias else 0`: TF1 made the variable only when the
    # branch ran, so its first-call creation takes the branch's condition (BEGAN's LayerConv)
    def visit_IfExp_body(self, node: cst.IfExp) -> None:
        self.conditions.append(_condition(node.test, self.self_name))

    def visit_IfExp_orelse(self, node: cst.IfExp) -> None:
        test = _condition(node.test, self.self_name)
        self.conditions.append(None if test is None else f"not {test}")

    def leave_IfExp_body(self, node: cst.IfExp) -> None:
        self.conditions.pop()

    leave_IfExp_orelse = leave_IfExp_body

    def visit_BooleanOperation_right(self, node: cst.BooleanOperation) -> None:
        self.conditions.append(None)  # (`a and f(x)`: short-circuit, left to the user)

    def leave_BooleanOperation_right(self, node: cst.BooleanOperation) -> None:
        self.conditions.pop()

    def _created_when(self, node: cst.CSTNode, what: str, test: str) -> str:
        """The first-call test of a variable made in a conditional expression: its conditions first."""
        if not self.conditions:
            return test
        if None in self.conditions:
            raise Unsupported("unsupported-call", f"{what} in a conditional expression whose condition "
                              "cannot be evaluated again before it (TF1 made it only when that branch ran)", node)
        return " and ".join([*self.conditions, test])

    def _unbuilt(self, attr: str, key: str | None) -> str:
        """The test of a first-call build: the attribute (or its entry for this key) not made yet."""
        return f"self.{attr} is None" if key is None else f"{key} not in self.{attr}"

    def _note_build(self, attr: str) -> None:
        """A lazily built attribute: the blocks its build runs in (None: under a condition)."""
        self.built_in[attr] = None if self.conditions else tuple(self.arms)

    def _use_again(self, attr: str, node: cst.CSTNode, build: Callable[[], cst.BaseStatement]) -> None:
        """A later use of a lazily built attribute where its build may not have run first (the
        other arm of an if/else: ALBERT's `if is_training: dense_0 ... else: dense_0 ...`; after
        a loop that may not turn): this site builds it too, from its own arguments (TF1 made the
        variable wherever it was first asked for)."""
        where = self.built_in.get(attr, ())
        if where is not None and tuple(self.arms[:len(where)]) == where:
            return  # (built on every path to here, or eagerly)
        self._before(build())

    # -- the legacy `self` of a method becomes `owner`
    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.skip_names.add(id(node.attr))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.skip_names.add(id(node.keyword))

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        if self.self_name and original.value == self.self_name and id(original) not in self.skip_names:
            return updated.with_changes(value="owner")
        return updated

    # -- reuse directives disappear: sharing is decided statically
    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine):
        if is_reuse_statement(self.tf, original) or is_reuse_assertion(self.tf, original):
            return cst.RemovalSentinel.REMOVE
        return updated

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
        if not updated.body:
            return updated.with_changes(body=[_statement("pass")])
        return updated

    # -- scopes
    def _path(self) -> tuple[Key, ...]:
        path: list[Key] = []
        for f in self.frames:
            if f.kind == "var":
                path = [*f.base, f.key] if f.base is not None else [*path, f.key]
        return tuple(path)

    def _full_path(self) -> tuple[Key, ...]:
        return tuple(f.key for f in self.frames if f.kind in ("var", "name"))

    def _count_open(self, name: str) -> None:
        self.scope_counts.setdefault(self._path(), Counter())[name] += 1

    def _unique_default(self, default: str, node: cst.CSTNode) -> str:
        # Counters restart whenever the enclosing scope is entered anew (TF1 closes sub-scope
        # counts on exit), so a scope opened inside the loop or branch keeps the count static.
        inner = next((f for f in reversed(self.frames) if f.kind == "var"), None)
        fresh = inner is not None and inner.loop_depth == self.loop_depth and inner.cond_depth == self.cond_depth
        counts = self.scope_counts.setdefault(self._path(), Counter())
        branch_key = (self._path(), default)
        if (self.loop_depth or self.cond_depth) and not fresh:
            in_loop = self.loop_depth and (inner is None or inner.loop_depth != self.loop_depth)
            first = self.branch_defaults.get(branch_key)
            if not in_loop and first is not None and counts[default] == 1 and _exclusive(first, self.arms):
                # the other arm of an if/else asked first (ALBERT's `if is_training: ...
                # layer_norm(...) else: ... layer_norm(...)`): one of the two runs, and takes it
                return default
            if in_loop or counts[default] or first is not None:
                raise Unsupported("dynamic-scope", "default_name scope inside a loop or branch", node)
            # In a branch (UGATIT's `if sn: get_variable(...) else: tf.layers.conv2d(...)`): the
            # first of its default in this scope, whichever branch runs, if nothing else in the
            # scope asks for that default again.
            self.branch_defaults[branch_key] = tuple(self.arms)
        elif branch_key in self.branch_defaults:
            raise Unsupported("dynamic-scope", "default_name scope after a branch that may have taken its name", node)
        if counts[default] == 0:
            return default
        i = 1
        while counts[f"{default}_{i}"]:
            i += 1
        return f"{default}_{i}"

    def _scope_defaults(self) -> list[ScopeCall]:
        calls = [f.call for f in reversed(self.frames) if f.kind == "var" and f.call is not None]
        if self.sig.own_call is not None:
            calls.append(self.sig.own_call)
        return calls

    def visit_With(self, node: cst.With) -> None:
        if node is self.sig.own_with:
            self.frame_counts.append(0)
            return
        pushed = 0
        for item in node.items:
            self._with_of[id(item)] = node
        for (kind, call), item in zip(scope_items(self.tf, node), node.items):
            if kind == "other" or call is None:
                continue
            frame = self._frame_for(kind, call, item)
            frame.loop_depth, frame.cond_depth = self.loop_depth, self.cond_depth
            frame.pending_index, frame.node = len(self.pending) - 1, node
            if frame.kind == "var":
                reuse = frame.call.reuse if frame.call is not None else None
                frame.reuse = self._reusing() or (isinstance(reuse, cst.Name) and reuse.value == "True")
            self.frames.append(frame)
            pushed += 1
        self.frame_counts.append(pushed)

    def _only_indirect_creation(self, item: cst.WithItem) -> bool:
        """A name_scope whose body calls converted code and creates no tf.Variable itself, and
        whose `as` name is not used."""
        with_node = self._with_of.get(id(item))
        if with_node is None:
            return False
        found = {"call": False, "variable": False}
        ctx = self.ctx
        own_method = self._converted_own_method

        class _V(cst.CSTVisitor):
            def visit_Call(self, node: cst.Call) -> None:
                if (ctx.is_converted_function_call(node) or owner_class_of(node, ctx.analysis.owner_classes)
                        or own_method(node)):
                    found["call"] = True
                elif ctx.tf.api(node.func) == "Variable":
                    found["variable"] = True

        with_node.body.visit(_V())
        if item.asname is not None and isinstance(item.asname.name, cst.Name):
            from migrate.codemod.scopes import name_uses
            if name_uses(with_node.body, item.asname.name.value):
                return False
        return found["call"] and not found["variable"]

    def _converted_own_method(self, call: cst.Call) -> bool:
        """`self.m(...)` of a converted method of this method's class: its module delegate keys
        by the current name scope and builds its variables in it (r42: a name_scope('tower')
        around self.net(x, reuse=i > 0) gave tower/shared/fc1, TF1 shared/fc1)."""
        func = call.func
        if not (self.self_name and self.info.owner and isinstance(func, cst.Attribute)
                and isinstance(func.value, cst.Name) and func.value.value == self.self_name):
            return False
        return f"{self.info.owner}.{func.attr.value}" in self.ctx.analysis.converted

    def _reusing(self) -> bool:
        """Is the current variable scope definitely reusing? (TF1: reuse is inherited.)"""
        inner = next((f for f in reversed(self.frames) if f.kind in ("var", "transparent")), None)
        return inner.reuse if inner is not None else self.own_reuse

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        if not is_reuse_statement(self.tf, node):
            return
        target = node.body[0].value.func.value  # type: ignore[attr-defined]
        frame = next((f for f in reversed(self.frames) if f.kind in ("var", "transparent")), None)
        if isinstance(target, cst.Name) and target.value in self.captures:
            captured = self.captures[target.value][1]
            frame = next((f for f in reversed(self.frames) if captured is not None and f.key == captured.key), None) \
                if captured is not None else None
        depth = frame.cond_depth if frame is not None else 0
        if self.cond_depth != depth:
            return  # `if reuse: scope.reuse_variables()`: not definite
        if frame is None:
            self.own_reuse = True
        else:
            frame.reuse = True

    def _renamed(self, expr: cst.BaseExpression | None) -> cst.BaseExpression | None:
        """The legacy method's `self` is `owner` in generated code; frames keep emitted names."""
        if expr is None or not self.self_name:
            return expr
        return expr.visit(_SelfToOwner(self.self_name))  # type: ignore[return-value]

    def _frame_for(self, kind: str, call: cst.Call, item: cst.WithItem) -> Frame:
        frame = self._frame_for_call(kind, call, item)
        if frame.expr is not None and frame.dynamic:
            frame.expr = self._renamed(frame.expr)
            frame.key = ("d", code(frame.expr))
        return frame

    def _frame_for_call(self, kind: str, call: cst.Call, item: cst.WithItem) -> Frame:
        if kind == "name":
            name = call.args[0].value if call.args else None
            if self._only_indirect_creation(item):
                # TF1 variable names ignore name_scope; the modules called in it would carry it
                # into theirs, so it goes (only op names change).
                return Frame("transparent", ("t", ""), None)
            return Frame("name", ("n", code(name) if name is not None else ""), name)
        sc = ScopeCall.parse(call)
        name = sc.name
        frame: Frame
        if isinstance(name, cst.Call) and self.tf.api(name.func) == "get_variable_scope":
            frame = Frame("transparent", ("t", ""), None, sc)
        elif isinstance(name, cst.Name) and name.value in self.captures:
            parent, captured = self.captures[name.value]
            if captured is None and not self._path():
                frame = Frame("transparent", ("t", ""), None, sc)
            elif captured is not None and parent == self._path():
                frame = Frame("var", captured.key, captured.expr, sc)
            elif captured is not None:
                # TF1 re-enters the captured scope's absolute name; TF2's name_scope does the
                # same with the absolute "a/b/" string that `as` bound.
                frame = Frame("var", captured.key, name, sc, base=parent)
            else:
                raise Unsupported("unsupported-scope", "the function's own scope re-entered inside another scope", call)
        elif literal_string(name) is not None:
            text = literal_string(name)
            frame = Frame("var", ("s", text), name, sc)  # type: ignore[arg-type]
            self._count_open(text)  # type: ignore[arg-type]
        elif name is None:
            default = literal_string(sc.default_name)
            if default is None:
                raise Unsupported("dynamic-scope", "variable_scope without a static name", call)
            unique = self._unique_default(default, call)
            frame = Frame("var", ("s", unique), cst.SimpleString(repr(unique)), sc)
            self._count_open(unique)
        else:
            frame = Frame("var", ("d", code(name)), name, sc)
        if item.asname is not None and isinstance(item.asname.name, cst.Name):
            self.captures[item.asname.name.value] = (self._path(), frame)
            self.capture_names.add(item.asname.name.value)
        return frame

    def leave_With(self, original: cst.With, updated: cst.With):
        pushed = self.frame_counts.pop()
        if original is self.sig.own_with:
            return cst.FlattenSentinel(list(updated.body.body))
        frames = self.frames[len(self.frames) - pushed:] if pushed else []
        for frame in reversed(frames):
            inner_path = (*tuple(f.key for f in self.frames if f.kind == "var"),)
            self.scope_counts.pop(inner_path, None)
            self.frames.pop()
        if not pushed:
            return updated
        items: list[cst.WithItem] = []
        frame_iter = iter(frames)
        for (kind, _), item in zip(scope_items(self.tf, original), updated.items):
            if kind == "other":
                items.append(item)
                continue
            frame = next(frame_iter)
            if kind == "name":
                if frame.kind != "transparent":
                    items.append(item)
            elif frame.kind == "var" and frame.expr is not None:
                self.ctx.uses_scope_helper = True
                scope = cst.parse_expression(f"{SCOPE_HELPER_NAME}({code(frame.expr)})")
                keep_as = (item.asname is not None and isinstance(item.asname.name, cst.Name)
                           and item.asname.name.value in self.kept_captures)
                items.append(item.with_changes(item=scope, asname=item.asname if keep_as else None))
        if not items:
            return cst.FlattenSentinel(list(updated.body.body))
        items[-1] = items[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(items=items)

    # -- variables and calls
    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        api = self.tf.api(original.func)
        if api == "get_variable":
            return self._get_variable(original, updated)
        if api == "Variable":
            return self._tf_variable(original, updated)
        if api in RNN_LIBRARY_CALLS:  # a cell built where it runs (migrate.codemod.rnn_cells)
            self.ctx.library_classes.add(RNN_LIBRARY_CALLS[api])
            return updated.with_changes(func=cst.Name(RNN_LIBRARY_CALLS[api]))
        callee = self.ctx.is_converted_function_call(original)
        if callee is not None:
            return self._call_site(original, updated, callee)
        check_owner_call_in_shared_scope(self, original)  # (cross_function_reuse.py)
        if owner_class_of(original, self.ctx.analysis.owner_classes):
            return self._owner_object(original, updated)
        listing = cst_listing(self.tf, original) if api is not None else None
        if listing is not None:
            if self.nested_depth > self.comprehension_depth:  # a listing creates nothing: a comprehension may hold it
                self._guard_nested(original, f"tf.{api}")
            if by_captured_scope(listing):
                return cst.parse_expression(self._own_listing(listing[0], listing[1][1:], original))
            return cst.parse_expression(listing_code(*listing, "owner" if self.info.owner else "self"))
        if is_regularization_lookup(self.tf, original):
            losses = ("[loss for module in (self, *self.submodules)"
                      " for loss in getattr(module, 'regularization_losses', list)()]")
            if api == "losses.get_regularization_loss":
                return cst.parse_expression(f"{self.ctx.tf_attr('add_n')}({losses} or [{self.ctx.tf_attr('constant')}(0.0)])")
            return cst.parse_expression(losses)
        return updated

    def _owner_object(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """`bn = batch_norm(name='d_bn1')` in a converted function: TF1 code builds the object on
        every call and relies on names for sharing; the module builds it once and keeps it."""
        self._guard_nested(original, f"{code(original.func)}(...)")
        cls = owner_class_of(original, self.ctx.analysis.owner_classes)
        assert cls is not None
        key = self._dynamic_key([])
        site_key = (self._path(), "object", code(updated))
        attr = self.sub_attrs.get(site_key)
        check_object_site(self, original, updated, cls, attr, key)  # (repeated_objects.py)
        if attr is None and self._reusing() and self._creator(original) is not None:
            # (TF1 built a new object that found the creator's variables by name)
            attr = self._reentered("sub_attrs", site_key, original, f"the object {code(updated)}")
            return cst.parse_expression(self._ref(attr, key))
        if attr is None:
            self._check_peers(original)
            hint = self.pending_target or attr_name_for(cls.rsplit(".", 1)[-1])
            attr = self.attrs.take(self._attr_base(hint) if self._path() else hint)
            self.sub_attrs[site_key] = attr
            self.plan.submodules.append(attr)
            self.plan.submodule_specs[attr] = (cls, scope_text(self._path(), object_name(updated)))
            self.plan.init_attrs.append((attr, cst.Name("None") if key is None else cst.Dict([])))
            ref = self._ref(attr, key)
            test = self._unbuilt(attr, key)
            build = f"if {test}:\n    {ref} = {code(updated)}\n"
            if f"{cls}.__init__" in self.ctx.analysis.converted or cls in self.ctx.analysis.foreign_reruns:
                # Its constructor is the forward pass (BERT's BertModel): later calls run it
                # again on the same object, whose modules keep the variables.
                rerun = updated.with_changes(func=cst.parse_expression(f"{ref}.__init__"))
                build += f"else:\n    {code(rerun)}\n"
            self._note_build(attr)
            self._before(_statement(build))
        else:
            test = self._unbuilt(attr, key)
            self._use_again(attr, original, lambda: _statement(f"if {test}:\n    {self._ref(attr, key)} = {code(updated)}\n"))
        return cst.parse_expression(self._ref(attr, key))

    def visit_Assign(self, node: cst.Assign) -> None:
        target = node.targets[0].target if len(node.targets) == 1 else None
        self.pending_target = target.value if isinstance(target, cst.Name) else None

    def leave_Assign(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        self.pending_target = None
        return updated

    def _resolve_scope_object(self, expr: cst.BaseExpression) -> cst.BaseExpression:
        """A captured VariableScope passed as a scope argument re-enters its absolute name."""
        if not (isinstance(expr, cst.Name) and expr.value in self.captures):
            return expr
        parent, frame = self.captures[expr.value]
        if frame is not None and not frame.dynamic and parent == self._path():
            return cst.SimpleString(repr(frame.key[1]))
        raise Unsupported("unsupported-scope", "a captured VariableScope passed to another function", expr)

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
        # `scope.name` of the function's own scope: the module's full scope name.
        if (self.sig.capture and isinstance(original.value, cst.Name) and original.value.value == self.sig.capture
                and original.attr.value == "name"):
            return cst.parse_expression("self.name_scope.name[:-1]")
        if (isinstance(original.value, cst.Name) and original.value.value in self.captures
                and original.attr.value in SCOPE_OBJECT_ATTRIBUTES):
            return self._inner_scope_attribute(original)
        # `tf.get_variable_scope().name` (baselines keeps it to list its variables later): in a
        # module the name scopes are the TF1 variable scopes.
        if (original.attr.value == "name" and isinstance(original.value, cst.Call) and not original.value.args
                and self.tf.api(original.value.func) == "get_variable_scope"):
            return cst.parse_expression(f"{self.ctx.tf_attr('compat.v2.get_current_name_scope')}()")
        return updated

    def _inner_scope_attribute(self, original: cst.Attribute) -> cst.BaseExpression:
        """`scope.name` of an inner `with tf.variable_scope(...) as scope:` (CIFAR-10's
        `name=scope.name` in every layer block): the `as` is kept on the `_tf1_scope(...)`
        name_scope, which binds the absolute "a/b/" string TF1's `scope.name` is ("a/b")."""
        name = original.value.value  # type: ignore[attr-defined]
        frame = self.captures[name][1]
        if frame is None or frame.kind != "var" or frame.expr is None:
            raise Unsupported("unsupported-scope", f"{name}.{original.attr.value} of a scope that is not kept", original)
        if original.attr.value == "name":
            return cst.parse_expression(f"{name}[:-1]")
        return cst.Name(name)  # original_name_scope: the name scope with its trailing slash

    def _guard_nested(self, node: cst.CSTNode, what: str) -> None:
        if self.nested_depth:
            raise Unsupported("unsupported-call", f"{what} inside a lambda, comprehension or nested function", node)

    def _dynamic_key(self, extra: list[cst.BaseExpression]) -> str | None:
        parts = [code(f.expr) for f in self.frames if f.kind == "var" and f.dynamic and f.expr is not None]
        parts += [code(e) for e in extra]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else f"({', '.join(parts)})"

    def _attr_base(self, tail: str) -> str:
        parts = [f.key[1] if not f.dynamic else pattern_text(f.expr) for f in self.frames
                 if f.kind == "var" and f.expr is not None]
        return attr_name_for("_".join([*parts, tail]))

    def _ref(self, attr: str, key: str | None) -> str:
        return f"self.{attr}" if key is None else f"self.{attr}[{key}]"

    def _get_variable(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        self._guard_nested(original, "get_variable")
        name = bind_call(updated, GET_VARIABLE_PARAMS[:1] + ["_"] * 20).get("name")
        if name is None:
            raise Unsupported("unsupported-call", "get_variable without a name", original)
        literal = literal_string(name)
        key = self._dynamic_key([] if literal is not None else [name])
        site = (self._path(), ("s", literal) if literal is not None else ("d", code(name)))
        attr = self.var_attrs.get(site)
        if attr is not None:  # a reuse: shape and initializer are not needed
            self.plan.sites.append((attr, self._site_line(original), self._share_reason(original)))
            self._use_again(attr, original, lambda: self._variable_build(original, updated, attr, key))
            return cst.parse_expression(self._ref(attr, key))
        if self._reusing():
            if self._creator(original) is None:
                raise Unsupported("unsupported-scope", "reuse of a variable this function does not create "
                                  "(it is created by another function)", original)
            attr = self._reentered("var_attrs", site, original, f"variable {scope_text(site[0], literal if literal is not None else code(name))!r}")
            return cst.parse_expression(self._ref(attr, key))
        self._check_peers(original)
        check_shared_across_functions(self, original)  # (cross_function_reuse.py)
        updated, effects = self._bind_effectful_arguments(updated, literal)
        try:
            spec = get_variable_spec(self.ctx, updated, self._scope_defaults(), self._int_names,
                                     self._unpacked_names)
        except Unsupported as error:
            raise Unsupported(error.code, error.message, original)
        hoist_to = self._name_scope_hoist(spec.create, original)
        if effects and hoist_to is not None:
            raise Unsupported("unsupported-call", "get_variable inside name_scope with arguments that call "
                              "user code (TF1 ran them on every call)", original)
        for stmt in effects:
            self._before(stmt)
        if attr is None:
            attr = self.attrs.take(self._attr_base(literal if literal is not None else pattern_text(spec.name)))
            self.var_attrs[site] = attr
            self.plan.variables.append(attr)
            self.plan.variable_names[attr] = scope_text(site[0], literal if literal is not None else "{" + code(name) + "}")
            self.plan.init_attrs.append((attr, cst.Name("None") if key is None else cst.Dict([])))
            ref = self._ref(attr, key)
            lines = [f"{ref} = {spec.create}"]
            if spec.regularizer is not None:
                reg_attr = self.attrs.take(f"{attr}_regularizer")
                lines.append(f"self.{reg_attr} = {spec.regularizer}")
                self.plan.regularized.append((attr, reg_attr, key is not None))
                self.plan.init_attrs.append((reg_attr, cst.Name("None")))
            test = self._unbuilt(attr, key)
            test = self._created_when(original, "get_variable", test)
            body = "\n".join(f"    {line}" for line in lines)
            create = _statement(f"if {test}:\n{body}\n")
            if hoist_to is None:
                self._note_build(attr)
                self._before(create)
            else:
                self.pending[hoist_to].append(create)
        return cst.parse_expression(self._ref(attr, key))

    def _variable_build(self, original: cst.Call, updated: cst.Call, attr: str, key: str | None) -> cst.BaseStatement:
        """The first-call creation of `attr` at a later get_variable of its name (see _use_again),
        from that call's own shape and initializer; a call that gives neither cannot make it."""
        if any(f.kind == "name" for f in self.frames) or any(
                _calls_user_code(self.tf, a.value) for a in updated.args[1:]):
            raise Unsupported("unsupported-scope", f"self.{attr} is made in a branch or loop that may not have "
                              "run before this request, which is inside a name_scope or calls user code", original)
        try:
            spec = get_variable_spec(self.ctx, updated, self._scope_defaults(), self._int_names,
                                     self._unpacked_names)
        except Unsupported as error:
            raise Unsupported("unsupported-scope", f"self.{attr} is made in a branch or loop that may not "
                              f"have run before this request, which cannot make it ({error.message})", original)
        if spec.regularizer is not None:
            raise Unsupported("unsupported-scope", f"self.{attr} is made with a regularizer in a branch or loop "
                              "that may not have run before this request", original)
        test = self._unbuilt(attr, key)
        test = self._created_when(original, "get_variable", test)
        return _statement(f"if {test}:\n    {self._ref(attr, key)} = {spec.create}\n")

    def _bind_effectful_arguments(self, call: cst.Call, literal: str | None) -> tuple[cst.Call, list]:
        """Arguments that call user code (`initializer=track(init)`) ran on every TF1 call, reuse or
        not: they are bound to a local before the first-call block, so later calls still run them."""
        args, effects = [], []
        for i, arg in enumerate(call.args):
            if i == 0 and arg.keyword is None or (arg.keyword is not None and arg.keyword.value == "name") \
                    or not _calls_user_code(self.tf, arg.value):
                args.append(arg)
                continue
            local = f"_{attr_name_for(literal or 'v')}_{arg.keyword.value if arg.keyword else f'arg{i}'}"
            effects.append(_statement(f"{local} = {code(arg.value)}\n"))
            args.append(arg.with_changes(value=cst.Name(local)))
        return (call.with_changes(args=args) if effects else call), effects

    def _name_scope_hoist(self, create: str, node: cst.CSTNode) -> int | None:
        """get_variable ignores name_scope: create the variable before the outermost enclosing
        `with tf.name_scope(...)`, where the TF2 name scope is the variable scope."""
        first = next((i for i, f in enumerate(self.frames) if f.kind == "name"), None)
        if first is None:
            return None
        if any(f.kind == "var" for f in self.frames[first:]):
            raise Unsupported("unsupported-scope", "get_variable under a variable_scope inside a name_scope", node)
        outer = self.frames[first]
        used = {n.value for n in _names_in(cst.parse_expression(create))}
        if outer.node is not None and used & _assigned_in(outer.node):
            raise Unsupported("unsupported-scope", "get_variable inside name_scope depends on values computed there", node)
        return outer.pending_index

    def _tf_variable(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        self._guard_nested(original, "tf.Variable")
        if self.loop_depth:
            raise Unsupported("unsupported-call", "tf.Variable in a loop creates a new variable each pass", original)
        bound = bind_call(updated, VARIABLE_PARAMS)
        name_expr = bound.get("name")
        literal = "Variable" if name_expr is None else literal_string(name_expr)
        new_call = updated
        if literal is None and self._name_parameter(name_expr):
            # `tf.Variable(init, name=name)` in a helper with no scope of its own: the caller gives
            # each call site its own module and a distinct literal name (see _call_site).
            literal = f"{name_expr.value}_variable"  # type: ignore[union-attr]
            if literal in self.tfvar_counts.setdefault(self._full_path(), Counter()):
                raise Unsupported("dynamic-scope", "two tf.Variables named by the same parameter", original)
            self.tfvar_counts[self._full_path()][literal] += 1
            unique = literal
        elif literal is None:
            raise Unsupported("dynamic-scope", "tf.Variable with a computed name", original)
        else:
            counts = self.tfvar_counts.setdefault(self._full_path(), Counter())
            unique = literal if counts[literal] == 0 else f"{literal}_{counts[literal]}"
            counts[literal] += 1
            if unique != literal or name_expr is None and unique != "Variable":
                new_call = _with_keyword(updated, "name", cst.SimpleString(repr(unique)))
        key = self._dynamic_key([])
        attr = self.attrs.take(self._attr_base(unique))
        self.plan.variables.append(attr)
        self.plan.variable_names[attr] = scope_text(self._full_path(), unique)
        self.plan.init_attrs.append((attr, cst.Name("None") if key is None else cst.Dict([])))
        test = self._created_when(original, "tf.Variable",
                                  self._unbuilt(attr, key))
        self._before(_statement(f"if {test}:\n    {self._ref(attr, key)} = {code(new_call)}\n"))
        return cst.parse_expression(self._ref(attr, key))

    @functools.cached_property
    def _int_names(self) -> frozenset[str]:
        return int_bound_names(self.info.node.body)

    @functools.cached_property
    def _unpacked_names(self) -> frozenset[str]:
        return unpacked_names(self.info.node.body)

    def _unnamed_again(self, call: cst.Call, callee: str) -> bool:
        """A call of a scope-less helper that leaves one of its name parameters (default None)
        unset or possibly None: one shared instance would key both calls by None."""
        params = self.ctx.analysis.functions[callee].node.params.params
        for i, p in enumerate(params):
            if p.name.value not in ("name", "scope", "name_or_scope") or not (
                    isinstance(p.default, cst.Name) and p.default.value == "None"):
                continue
            arg = _argument_for(call, i, p.name.value)
            if arg is None or not _never_none(arg):
                return True
        return False

    def _always_named(self, expr: cst.BaseExpression) -> bool:
        """`expr` is a parameter of this top-level function that every call of it in the file
        gives a string (bert's `dense(x, n, name="output")`), and nothing else calls it."""
        info = self.info
        if not isinstance(expr, cst.Name) or info.owner is not None or self.ctx.analysis.script_creates \
                or info.external is not None:
            return False
        params = [p.name.value for p in info.node.params.params]
        if expr.value not in params or expr.value in _assigned_in(info.node.body):
            return False
        index, found = params.index(expr.value), []

        class _Calls(cst.CSTVisitor):
            def visit_Call(self, node: cst.Call) -> None:
                if isinstance(node.func, cst.Name) and node.func.value == info.name:
                    found.append(node)

        for other in self.ctx.analysis.functions.values():
            if other.external is None and other.node is not None and other is not info:
                other.node.visit(_Calls())
        if not found:
            return False  # called from elsewhere (another file, a value): unknown names

        return all((arg := _argument_for(c, index, expr.value)) is not None and _never_none(arg) for c in found)

    def _name_parameter(self, expr: cst.BaseExpression | None) -> bool:
        """A parameter of a function with no scope of its own, never reassigned in its body."""
        if not isinstance(expr, cst.Name) or self.sig.kind != "none" or self.frames:
            return False
        params = {p.name.value for p in self.info.node.params.params}
        return expr.value in params and expr.value not in _assigned_in(self.info.node.body)

    def _name_unnamed_layer(self, original: cst.Call, updated: cst.Call, callee: str) -> cst.Call:
        """A scope-less helper that names one layer by its `name=None` parameter, called here
        without a name: TF1 uniquified the layer's default name in this scope (`LayerNorm`,
        `LayerNorm_1`), so the call passes that name explicitly."""
        info = self.ctx.analysis.functions.get(callee)
        if self.ctx.sigs[callee].kind != "none" or info is None or info.node is None:
            return updated
        forwarded = forwarded_layer_default(info.node, self.tf.api, self._same_file_def)
        if forwarded is None:
            return updated
        param, index, default = forwarded
        arg = _argument_for(original, index, param)
        if arg is not None and not (isinstance(arg, cst.Name) and arg.value == "None"):
            return updated
        unique = self._unique_default(default, original)
        self._count_open(unique)
        # (also the default itself: the helper's module keys its layers by name, and None beside
        # strings would not sort when tf.Module lists its variables)
        value = cst.SimpleString(repr(unique))
        if arg is not None:  # an explicit None, by keyword or position
            at = next(i for i, a in enumerate(original.args) if a.value is arg)
            return updated.with_changes(args=[a.with_changes(value=value) if i == at else a
                                              for i, a in enumerate(updated.args)])
        keyword = cst.Arg(value=value, keyword=cst.Name(param), equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")))
        args = list(updated.args)
        if args:
            args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        return updated.with_changes(args=[*args, keyword])

    def _same_file_def(self, func: cst.BaseExpression) -> cst.FunctionDef | None:
        if not isinstance(func, cst.Name):
            return None
        info = self.ctx.analysis.functions.get(func.value)
        return info.node if info is not None and info.external is None and info.owner is None else None

    def _call_site(self, original: cst.Call, updated: cst.Call, callee: str) -> cst.BaseExpression:
        self._guard_nested(original, f"a call of {callee}")
        if any(f.kind == "name" for f in self.frames):
            raise Unsupported("unsupported-scope", f"{callee} called inside name_scope", original)
        updated = self._name_unnamed_layer(original, updated, callee)
        if any(c.initializer is not None or c.regularizer is not None or c.dtype is not None
               for c in self._scope_defaults()):
            raise Unsupported("unsupported-scope",
                              f"scope initializer/regularizer/dtype defaults flow into {callee}", original)
        site = instance_site(self.ctx, callee, updated, self._unique_default, self._count_open,
                             self._resolve_scope_object,
                             lambda expr: self._name_parameter(expr) or self._always_named(expr))
        key = self._dynamic_key([site.name_expr] if site.dynamic and site.name_expr is not None else [])
        # (the callee is part of the key: two helpers called in one scope name, in the two
        # branches of an `if` say, are two modules, not one called for both)
        site_key = (self._path(), callee, site.shared_key or code(site.name_expr))
        if site.shared_key == callee and callee in self.ctx.analysis.tf_variable_creators:
            # A helper with no scope of its own making tf.Variables (wavenet's
            # create_variable(name, shape)): TF1 makes new variables on every call, so each call
            # site gets its own module, unless TF1 would have uniquified the name (same name in
            # the same scope) or the site runs several times under one scope (a loop).
            helper_params = [p.name.value for p in self.ctx.analysis.functions[callee].node.params.params]
            first = next((a.value for a in original.args if a.keyword is not None and a.keyword.value == "name"),
                         original.args[0].value if original.args and original.args[0].keyword is None
                         and helper_params[:1] == ["name"] else None)  # which argument names the variable
            name = literal_string(first)
            if name is None and self._name_parameter(first):
                name = f"<{code(first)}>"  # passed on from this helper's own caller, site by site
            if name is None and first is None:
                # (fast-style-transfer's _conv_init_vars: unnamed, or named inside the helper)
                raise Unsupported("unsupported-call", f"{callee} creates tf.Variables and no argument names them: "
                                  "TF1 uniquifies their names across all its calls in creation order (Variable, "
                                  "Variable_1, ...), which a module per call site does not know", original)
            if name is None or (self._full_path(), callee, name) in self.tfvar_helper_sites \
                    or (self.loop_depth and self._dynamic_key([]) is None):
                raise Unsupported("unsupported-call", f"{callee} creates tf.Variables and is called again: "
                                  "TF1 makes new variables on every call", original)
            self.tfvar_helper_sites.add((self._full_path(), callee, name))
            site_key = (self._path(), callee, f"{name}@{id(original)}")
        attr = self.sub_attrs.get(site_key)
        check_call_site(self, original, site, callee, attr, key)  # TF1's "already exists" (repeated_creation.py)
        anew = entered_anew(self, site_key)  # (growing_names.py: pix2pix's layer_%d; records every site)
        again = attr is not None and not anew
        if again and self.ctx.sigs[callee].kind == "none" and self._unnamed_again(updated, callee):
            raise Unsupported("dynamic-scope", f"{callee} is called again in the same scope without a name: TF1 "
                              "gives the layers it passes name=None to new names (dense_1, ...)", original)
        if self.ctx.sigs[callee].kind == "none" and (again or self.loop_depth and self._dynamic_key([]) is None) \
                and makes_default_named_layers(self.ctx.analysis.functions[callee].node, self.ctx.tf):
            raise Unsupported("dynamic-scope", f"{callee} makes layers without a name and runs again in the same "
                              "scope: TF1 names new ones on each call (dense_2, ...)", original)
        if attr is not None and callee in self.ctx.analysis.tf_variable_creators:
            raise Unsupported("unsupported-call", f"{callee} creates tf.Variables and is called again: "
                              "TF1 makes new variables on every call", original)
        if attr is None and (site.reuse_true or self._reusing()) and not runs_shared_cell(self, original, callee):
            if self._creator(original) is None:
                raise Unsupported("unsupported-scope", f"{callee} reuses variables created by another function", original)
            what = f"{callee}(...) in scope {scope_text(self._path(), site.shared_key or code(site.name_expr))!r}"
            attr = self._reentered("sub_attrs", site_key, original, what)
            return updated.with_changes(func=cst.parse_expression(self._ref(attr, key)), args=site.args)
        if attr is None:
            self._check_peers(original)
            check_shared_across_functions(self, original, callee, site.shared_key)  # (cross_function_reuse.py)
        self.plan.sites.append((attr or "", self._site_line(original), self._share_reason(original, site, callee) if attr else "creates"))
        if attr is None:
            attr = self.attrs.take(self._attr_base(site.attr_hint) if self._path() else site.attr_hint)
            self.sub_attrs[site_key] = attr
            self.plan.submodules.append(attr)
            self.plan.sites[-1] = (attr, *self.plan.sites[-1][1:])
            self.plan.submodule_specs[attr] = (self.ctx.class_names[callee], scope_text(
                self._path(), site.shared_key if not site.dynamic and self.ctx.sigs[callee].kind != "none"
                else None if not site.dynamic else "{" + code(site.name_expr) + "}"))
            eager = key is None and not self.frames and not self.loop_depth and not self.cond_depth
            if eager:
                self.plan.init_submodules.append((attr, cst.parse_expression(site.ctor)))
            else:
                self.plan.init_attrs.append((attr, cst.Name("None") if key is None else cst.Dict([])))
                ref = self._ref(attr, key)
                test = self._unbuilt(attr, key)
                self._note_build(attr)
                self._before(self._lazy_build(test, ref, site.ctor, self.ctx.class_names[callee]))
        elif again:
            test = self._unbuilt(attr, key)
            self._use_again(attr, original, lambda: self._lazy_build(test, self._ref(attr, key), site.ctor,
                                                                     self.ctx.class_names[callee]))
        elif anew and key is not None:  # another scope at run time: its module is built there
            self._before(self._lazy_build(f"{key} not in self.{attr}", self._ref(attr, key), site.ctor,
                                          self.ctx.class_names[callee]))
        ref = cst.parse_expression(self._ref(attr, key))
        return updated.with_changes(func=ref, args=site.args)

    def _lazy_build(self, test: str, ref: str, ctor: str, class_name: str) -> cst.BaseStatement:
        """A module built by the first call, named under `init_scope` (which keeps the name
        scope): built in a tf.function graph, a name an op or a name_scope took there already
        would become `layer0_1` (r47: `tf.identity(x, name="layer0")` before the block). The
        layer library's classes name themselves so (tf2_layers._Regularized)."""
        if class_name in self.ctx.library_classes:
            return _statement(f"if {test}:\n    {ref} = {ctor}\n")
        return _statement(f"if {test}:\n    with {self.ctx.tf_attr('init_scope')}():\n"
                          f"        {ref} = {ctor}\n")

    def _own_listing(self, kind: str, scope_name: str, node: cst.Call) -> str:
        """`get_variables(vs)` / `get_collection(key, scope=vs.name)` of the function's own captured
        scope (BEGAN's `variables = get_variables(vs)`): the module's own variables, when no other
        scope the file opens extends its name (TF1 matched the scope as a name prefix)."""
        cls = self.plan.class_name
        if scope_name.removesuffix(".name") != self.sig.capture or self.sig.kind != "literal":
            raise Unsupported("scope-lookup", f"variables listed by the scope {scope_name!r}, not a literal scope "
                              f"of the function's own: TF1 matched its name as a prefix; the variables of this "
                              f"module are {cls}(...).{'trainable_variables' if kind == 'trainable' else 'variables'}",
                              node)
        own = self.sig.literal or ""
        longer = sorted({s.literal for s in self.ctx.sigs.values() if s.literal and s.literal != own
                         and s.literal.startswith(own)})
        if longer:
            raise Unsupported("scope-lookup", f"variables listed by the scope {own!r}: TF1 matched it as a name "
                              f"prefix, so it also selects the variables of scope {longer[0]!r}; this module's own "
                              f"are {cls}(...).variables", node)
        if kind == "updates":
            return "[]"
        return f"list(self.{'trainable_variables' if kind == 'trainable' else 'variables'})"

    # -- a scope another method of the owner created, re-entered with reuse (migrate.codemod.reentry)
    def _creator(self, node: cst.CSTNode) -> str | None:
        creators = reentry.creators_of(self.ctx, self.info.qualname, node)
        return creators[0] if creators else None

    def _reentered(self, table: str, site_key: tuple, node: cst.CSTNode, what: str) -> str:
        """The creator module's attribute for what this reusing method asks for, as
        `<creator attribute>.<its attribute>`; refused when the creator never creates it."""
        q = self.info.qualname
        creators = reentry.creators_of(self.ctx, q, node)
        found_in: list[tuple[str, str, str]] = []  # (creator, its attribute, its scope)
        for creator in creators:
            try:
                registry = reentry.registry_of(self.ctx, creator)
            except Unsupported as error:
                raise Unsupported(error.code, f"{q} re-enters the scope of {creator}, which cannot be "
                                  f"converted: {error.message}", node)
            if getattr(registry, table).get(site_key) is not None:
                found_in.append((creator, getattr(registry, table)[site_key], registry.scope))
        if not found_in:
            if self.sig.kind == "literal":
                scope = self.sig.literal
                raise Unsupported("unsupported-scope", f"{q} re-enters scope {scope!r} of {creators[0]} with reuse "
                                  f"and asks for {what}, which {creators[0]} does not create", node)
            raise Unsupported("unsupported-scope", f"{q} reuses its caller's scope and asks for {what}, which none "
                              f"of the other methods of {self.info.owner} creates", node)
        if len(found_in) > 1 or (self.plan.reused_module is not None and self.plan.reused_module[1] != found_in[0][0]):
            makers = sorted({c for c, _, _ in found_in} | ({self.plan.reused_module[1]} if self.plan.reused_module else set()))
            raise Unsupported("unsupported-scope", f"{q} reuses variables that several methods create "
                              f"({', '.join(makers)}): one module cannot stand for them", node)
        creator, found, _ = found_in[0]
        registry = reentry.registry_of(self.ctx, creator)
        if self.plan.reused_module is None:
            self.plan.reused_module = (self.attrs.take(reentry.creator_attribute(self.ctx, creator)), creator)
            self.ctx.reentries[self.plan.class_name] = creator
        attr = f"{self.plan.reused_module[0]}.{found}"
        (self.sub_attrs if table == "sub_attrs" else self.var_attrs)[site_key] = attr
        where = f"scope {registry.scope!r}" if registry.scope else "the caller's scope"
        self.plan.sites.append((attr, self._site_line(node), f"re-entered {where} of {creator} (reuse)"))
        return attr

    def _check_peers(self, node: cst.CSTNode) -> None:
        if not self.peers_checked:
            self.peers_checked = True
            reentry.check_no_auto_reuse_peer(self.ctx, self.info.qualname, node)

    def _site_line(self, node: cst.Call) -> int:
        line = site_line(self.ctx.lines, node, self.plan.sites[-1][1] if self.plan.sites else self.info.line)
        return line

    def _share_reason(self, original: cst.Call, site: "InstanceSite | None" = None, callee: str | None = None) -> str:
        """Why this site resolves to a module or variable made earlier (shown by `migrate explain`)."""
        sig = self.ctx.sigs.get(callee) if callee else None
        for arg in original.args:
            if sig is not None and sig.reuse_param and arg.keyword is not None and arg.keyword.value == sig.reuse_param:
                return f"reuse={code(arg.value)}"
            if isinstance(arg.value, cst.Name) and arg.value.value in self.captures:
                return f"re-entered captured scope {arg.value.value}"
        if self._reusing():
            return "the enclosing scope reuses (reuse=True or reuse_variables())"
        calls = self._scope_defaults() + ([sig.own_call] if sig is not None and sig.own_call is not None else [])
        if any(c.reuse is not None and code(c.reuse).endswith("AUTO_REUSE") for c in calls):
            return "AUTO_REUSE"
        return "same scope name"


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    found: list[cst.Name] = []

    class _V(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            found.append(n)

        def visit_Attribute(self, n: cst.Attribute) -> bool:
            n.value.visit(self)
            return False

    node.visit(_V())
    return found


_PURE_BUILTINS = {"int", "float", "len", "list", "tuple", "max", "min", "abs", "round", "sum", "range", "bool",
                  "str", "dict", "sorted", "reversed", "enumerate", "zip", "isinstance", "getattr"}
_PURE_METHODS = {"get_shape", "as_list", "value", "format", "get", "numpy", "reshape", "astype", "transpose"}


def _calls_user_code(tf, expr: cst.CSTNode) -> bool:
    """A call that is neither TensorFlow's API nor a pure builtin / shape accessor."""
    found = False

    class _V(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            nonlocal found
            if tf.api(node.func) is not None:
                return
            func = node.func
            if isinstance(func, cst.Name) and func.value in _PURE_BUILTINS:
                return
            if isinstance(func, cst.Attribute) and func.attr.value in _PURE_METHODS:
                return
            found = True

    expr.visit(_V())
    return found


def _assigned_in(node: cst.CSTNode) -> set[str]:
    names: set[str] = set()

    class _V(cst.CSTVisitor):
        def visit_AssignTarget(self, n: cst.AssignTarget) -> None:
            names.update(x.value for x in _names_in(n.target))

        def visit_AugAssign(self, n: cst.AugAssign) -> None:
            names.update(x.value for x in _names_in(n.target))

        def visit_For(self, n: cst.For) -> None:
            names.update(x.value for x in _names_in(n.target))

    node.visit(_V())
    return names


def _reentered_names(ctx: FileContext, fn: cst.FunctionDef) -> set[str]:
    """Names given as the scope of a `variable_scope(...)`: captured scopes re-entered later."""
    names: set[str] = set()

    class _V(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if ctx.tf.api(node.func) == "variable_scope" and node.args and isinstance(node.args[0].value, cst.Name):
                names.add(node.args[0].value.value)

    fn.body.visit(_V())
    return names


SCOPE_OBJECT_ATTRIBUTES = ("name", "original_name_scope")


def _scope_attribute_names(fn: cst.FunctionDef) -> set[str]:
    """Names read as `N.name` / `N.original_name_scope`: an `as N` scope keeps its binding."""
    names: set[str] = set()

    class _V(cst.CSTVisitor):
        def visit_Attribute(self, node: cst.Attribute) -> None:
            if isinstance(node.value, cst.Name) and node.attr.value in SCOPE_OBJECT_ATTRIBUTES:
                names.add(node.value.value)

    fn.body.visit(_V())
    return names


class _SelfToOwner(cst.CSTTransformer):
    def __init__(self, self_name: str) -> None:
        self.self_name = self_name
        self.skip: set[int] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.skip.add(id(node.attr))

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        if original.value == self.self_name and id(original) not in self.skip:
            return updated.with_changes(value="owner")
        return updated


@dataclass
class InstanceSite:
    ctor: str  # code constructing the instance
    args: list[cst.Arg]  # the call's arguments minus scope / reuse
    shared_key: str | None  # static instance name, or None when dynamic
    name_expr: cst.BaseExpression | None
    attr_hint: str
    reuse_true: bool = False  # the call passed reuse=True: it shares an existing instance

    @property
    def dynamic(self) -> bool:
        return self.shared_key is None


def instance_site(ctx: FileContext, callee: str, call: cst.Call, unique_default, count_open,
                  resolve_scope_object=lambda expr: expr, always_named=lambda expr: False) -> InstanceSite:
    """What instance a call of a converted function needs: its constructor, its name, the call's
    remaining arguments."""
    info = ctx.analysis.functions[callee]
    sig = ctx.sigs[callee]
    class_name = ctx.class_names[callee]
    if info.external is not None and info.external.implicit:
        ctx.library_classes.add(class_name)
    params = info.node.params
    positional = [p.name.value for p in [*params.posonly_params, *params.params]]
    bound: dict[str, cst.BaseExpression] = {}
    index = 0
    new_args: list[cst.Arg] = []
    to_keyword = False
    for arg in call.args:
        if arg.star:
            if sig.dropped_params or sig.scope_param:
                raise Unsupported("unsupported-call", f"*args/**kwargs passed to {callee}", call)
            new_args.append(arg)
            continue
        pname = arg.keyword.value if arg.keyword is not None else (positional[index] if index < len(positional) else None)
        if arg.keyword is None:
            index += 1
        if pname is not None:
            bound[pname] = arg.value
        if pname in sig.dropped_params:
            to_keyword = arg.keyword is None
            continue
        if to_keyword and arg.keyword is None and pname is not None:
            arg = arg.with_changes(keyword=cst.Name(pname), equal=cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")))
        new_args.append(arg)
    if new_args:
        new_args[-1] = new_args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)

    reuse_arg = bound.get(sig.reuse_param) if sig.reuse_param else None
    reuse_true = isinstance(reuse_arg, cst.Name) and reuse_arg.value == "True"
    scope_arg = bound.get(sig.scope_param) if sig.scope_param else None
    if scope_arg is not None:
        scope_arg = resolve_scope_object(scope_arg)
    if scope_arg is None and sig.scope_param_default is not None:
        scope_arg = sig.scope_param_default
    if isinstance(scope_arg, cst.Name) and scope_arg.value == "None":
        scope_arg = None
    name_literal = literal_string(scope_arg)
    hint = snake_case(info.name)
    site = _instance_site(class_name, sig, scope_arg, name_literal, new_args, hint, callee, call,
                          unique_default, count_open, always_named)
    site.reuse_true = reuse_true
    safe = path_safe_ctor(site.ctor, class_name)
    if safe is not None:  # a scope path ('policy/pi'): no tf.Module takes that name (scope_paths.py)
        site.ctor = safe
        ctx.uses_scope_helper = ctx.uses_named_helper = True
    return site


def _instance_site(class_name, sig, scope_arg, name_literal, new_args, hint, callee, call,
                   unique_default, count_open, always_named=lambda expr: False) -> InstanceSite:
    if sig.kind == "none":
        return InstanceSite(f"{class_name}()", new_args, callee, None, hint)
    if sig.kind == "literal":
        count_open(sig.literal)
        return InstanceSite(f"{class_name}()", new_args, sig.literal, None, attr_name_for(sig.literal))
    if scope_arg is None:
        if sig.kind == "param":
            raise Unsupported("dynamic-scope", f"{callee} called without a scope name", call)
        if sig.kind == "default_name":
            unique = unique_default(sig.literal, call)
            count_open(unique)
            return InstanceSite(f"{class_name}(name={unique!r})", new_args, unique, None, attr_name_for(unique))
        count_open(sig.literal)
        return InstanceSite(f"{class_name}()", new_args, sig.literal, None, attr_name_for(sig.literal))
    if name_literal is not None:
        count_open(name_literal)
        return InstanceSite(f"{class_name}(name={code(scope_arg)})", new_args, name_literal, None,
                            attr_name_for(name_literal))
    if sig.kind == "default_name" and not _never_none(scope_arg) and not always_named(scope_arg) \
            and not _owner_setting(scope_arg):
        # (`dense(x, 6, name=name)` passing its own name=None on: TF1 makes linear, linear_1, ...
        # per call, which no key computed from the value can tell apart)
        raise Unsupported("dynamic-scope", f"{callee} is given a name that may be None, where TF1 would make "
                          f"{sig.literal}, {sig.literal}_1, ... on each call", call)
    return InstanceSite(f"{class_name}(name={code(scope_arg)})", new_args, None, scope_arg,
                        attr_name_for(pattern_text(scope_arg)) or hint)


def _owner_setting(expr: cst.BaseExpression) -> bool:
    """`self.name`: an object's configured name (DCGAN's batch_norm(name="d_bn1")), one module
    per object."""
    return isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value in ("self", "owner")


def _never_none(expr: cst.BaseExpression) -> bool:
    """A string built by formatting (`'h%d' % i`, f-strings, `'{}'.format(i)`, concatenation)."""
    if isinstance(expr, (cst.FormattedString, cst.ConcatenatedString, cst.SimpleString)):
        return True
    if isinstance(expr, cst.BinaryOperation):
        if isinstance(expr.operator, cst.Add):  # `name + '_' + str(i)` (baselines' her nn): a str or an error
            return _never_none(expr.left) or _never_none(expr.right)
        return isinstance(expr.left, (cst.SimpleString, cst.FormattedString))
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) and expr.func.value == "str":
        return True
    return (isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "format"
            and isinstance(expr.func.value, cst.SimpleString))


def _with_keyword(call: cst.Call, keyword: str, value: cst.BaseExpression) -> cst.Call:
    args = list(call.args)
    for i, arg in enumerate(args):
        if arg.keyword is not None and arg.keyword.value == keyword:
            args[i] = arg.with_changes(value=value)
            return call.with_changes(args=args)
    if args:
        args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    args.append(cst.Arg(value=value, keyword=cst.Name(keyword), equal=cst.AssignEqual(
        whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))))
    return call.with_changes(args=args)


def _condition(test: cst.BaseExpression, self_name: str | None) -> str | None:
    """The test's code when it can be evaluated again, unchanged, just before its statement:
    names, attributes, constants, comparisons and `not` / `and` / `or` of them (not the legacy
    `self`, which the module's code calls `owner`)."""
    def plain(expr: cst.BaseExpression) -> bool:
        if isinstance(expr, cst.Name):
            return expr.value != self_name
        if isinstance(expr, cst.Attribute):
            return plain(expr.value)
        if isinstance(expr, (cst.Integer, cst.Float, cst.SimpleString)):
            return True
        if isinstance(expr, cst.UnaryOperation):
            return plain(expr.expression)
        if isinstance(expr, cst.BooleanOperation):
            return plain(expr.left) and plain(expr.right)
        if isinstance(expr, cst.Comparison):
            return plain(expr.left) and all(plain(c.comparator) for c in expr.comparisons)
        return False
    if not plain(test):
        return None
    return code(test) if isinstance(test, (cst.Name, cst.Attribute)) else f"({code(test)})"


def _exclusive(first: tuple[tuple[int, int], ...], now: list[tuple[int, int]]) -> bool:
    """Two places in different arms of one if/elif/else: at most one of them runs per call."""
    for (if_a, arm_a), (if_b, arm_b) in zip(first, now):
        if if_a != if_b:
            return False
        if arm_a != arm_b:
            return True
    return False
