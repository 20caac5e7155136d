"""The static model of TF1 scopes: what a `variable_scope(...)` statement means, and the scope
signature of each converted function (how its callers name and share its instances)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import libcst as cst

from migrate.codemod.fastwalk import visit as fast_visit
from migrate.codemod.naming import is_identifier, literal_string
from migrate.codemod.tfapi import TfNames

ScopeKind = Literal["literal", "param", "param_or_literal", "default_name", "none"]

_SCOPE_POSITIONAL = ["name_or_scope", "default_name", "values", "initializer", "regularizer",
                     "caching_device", "partitioner", "custom_getter", "reuse", "dtype"]


class Unsupported(Exception):
    """A construct the codemod will not convert; carries a reason code and the node."""

    def __init__(self, code: str, message: str, node: cst.CSTNode | None = None,
                 also: frozenset[str] = frozenset()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.node = node
        # other functions of the file the reason concerns as much (two functions sharing one
        # AUTO_REUSE scope): they stay TF1 too, or a second run would convert the one kept
        self.also = also


def bind_call(call: cst.Call, positional: list[str]) -> dict[str, cst.BaseExpression]:
    """Map a call's arguments to parameter names (positional order given)."""
    bound: dict[str, cst.BaseExpression] = {}
    index = 0
    for arg in call.args:
        if arg.star:
            raise Unsupported("unsupported-call", "*args/**kwargs in a scope or variable call", call)
        if arg.keyword is None:
            if index >= len(positional):
                raise Unsupported("unsupported-call", "too many positional arguments", call)
            bound[positional[index]] = arg.value
            index += 1
        else:
            bound[arg.keyword.value] = arg.value
    return bound


@dataclass
class ScopeCall:
    """One `tf.variable_scope(...)` call, its arguments by name."""

    name: cst.BaseExpression | None
    default_name: cst.BaseExpression | None
    reuse: cst.BaseExpression | None
    initializer: cst.BaseExpression | None
    regularizer: cst.BaseExpression | None
    dtype: cst.BaseExpression | None

    @classmethod
    def parse(cls, call: cst.Call) -> "ScopeCall":
        bound = bind_call(call, _SCOPE_POSITIONAL)
        name = bound.get("name_or_scope")
        if isinstance(name, cst.Name) and name.value == "None":
            name = None
        return cls(name, bound.get("default_name"), bound.get("reuse"), bound.get("initializer"),
                   bound.get("regularizer"), bound.get("dtype"))


@dataclass
class ScopeSignature:
    """How a converted function is named and shared by its callers."""

    kind: ScopeKind
    own_with: cst.With | None = None
    literal: str | None = None  # the default name
    scope_param: str | None = None
    scope_param_default: cst.BaseExpression | None = None
    reuse_param: str | None = None
    keep_scope_param: bool = False
    keep_reuse_param: bool = False
    capture: str | None = None  # `as scope` name of the own scope
    own_call: ScopeCall | None = None
    dropped_params: set[str] = field(default_factory=set)


def scope_items(tf: TfNames, with_node: cst.With) -> list[tuple[str, cst.Call | None]]:
    """Classify each `with` item: ("var", call) | ("name", call) | ("other", None)."""
    kinds: list[tuple[str, cst.Call | None]] = []
    for item in with_node.items:
        api = tf.call_api(item.item)
        if api == "variable_scope":
            kinds.append(("var", item.item))  # type: ignore[arg-type]
        elif api == "name_scope":
            kinds.append(("name", item.item))  # type: ignore[arg-type]
        else:
            kinds.append(("other", None))
    return kinds


class _NameUses(cst.CSTVisitor):
    def __init__(self, name: str) -> None:
        self.name = name
        self.nodes: list[cst.Name] = []
        self._skip: set[int] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._skip.add(id(node.attr))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._skip.add(id(node.keyword))

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.name and id(node) not in self._skip:
            self.nodes.append(node)


def name_uses(node: cst.CSTNode, name: str) -> list[cst.Name]:
    visitor = _NameUses(name)
    fast_visit(node, visitor)
    return visitor.nodes


def _reuse_only_uses(tf: TfNames, body: cst.CSTNode, param: str) -> bool:
    """True when a reuse parameter only feeds `reuse=` and `if reuse: scope.reuse_variables()`."""
    allowed: set[int] = set()

    class _Collect(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if tf.api(node.func) == "variable_scope":
                for arg in node.args:
                    if arg.keyword and arg.keyword.value == "reuse":
                        allowed.update(id(n) for n in name_uses(arg.value, param))
                if len(node.args) > 8 and node.args[8].keyword is None:
                    allowed.update(id(n) for n in name_uses(node.args[8].value, param))

        def visit_If(self, node: cst.If) -> None:
            if node.orelse is None and is_reuse_block(tf, node.body):
                allowed.update(id(n) for n in name_uses(node.test, param))

    body.visit(_Collect())
    return all(id(n) in allowed for n in name_uses(body, param))


def is_reuse_statement(tf: TfNames, stmt: cst.CSTNode) -> bool:
    """`scope.reuse_variables()` or `tf.get_variable_scope().reuse_variables()`."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return False
    expr = stmt.body[0]
    return (
        isinstance(expr, cst.Expr)
        and isinstance(expr.value, cst.Call)
        and isinstance(expr.value.func, cst.Attribute)
        and expr.value.func.attr.value == "reuse_variables"
    )


def is_reuse_block(tf: TfNames, body: cst.BaseSuite) -> bool:
    stmts = body.body if isinstance(body, cst.IndentedBlock) else [body]
    return bool(stmts) and all(is_reuse_statement(tf, s) for s in stmts)


def is_reuse_assertion(tf: TfNames, stmt: cst.CSTNode) -> bool:
    """`assert tf.get_variable_scope().reuse is False` (or `== False`, `not ...reuse`, `reuse`):
    a check of TF1's variable store (GAN discriminators' `if reuse: ... else: assert ...`). A
    module has no such store (TF2's eager default scope reuses: the assert would fail there)."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1 or not isinstance(stmt.body[0], cst.Assert):
        return False
    test = stmt.body[0].test
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        test = test.expression
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        test = test.left
    return (isinstance(test, cst.Attribute) and test.attr.value == "reuse" and isinstance(test.value, cst.Call)
            and tf.api(test.value.func) == "get_variable_scope")


def scope_signature(tf: TfNames, fn: cst.FunctionDef, creates: "callable") -> ScopeSignature:
    """Find the function's own scope: the single top-level `with variable_scope(...)` that holds
    every variable the function creates. `creates(stmt)` tells whether a statement creates."""
    params = {p.name.value: p for p in [*fn.params.params, *fn.params.kwonly_params]}
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else []
    creating = [s for s in body if creates(s)]
    sig = ScopeSignature(kind="none")
    if (
        len(creating) == 1
        and isinstance(creating[0], cst.With)
        and len(creating[0].items) == 1
        and scope_items(tf, creating[0])[0][0] == "var"
    ):
        with_node = creating[0]
        call = ScopeCall.parse(with_node.items[0].item)  # type: ignore[arg-type]
        kind, literal, param = _classify_own_name(tf, call, params)
        if kind is not None:
            sig = ScopeSignature(kind=kind, own_with=with_node, literal=literal, scope_param=param,
                                 own_call=call)
            if param is not None:
                sig.scope_param_default = params[param].default
            asname = with_node.items[0].asname
            if asname is not None and isinstance(asname.name, cst.Name):
                sig.capture = asname.name.value
    if sig.scope_param is not None:
        uses = name_uses(fn.body, sig.scope_param)
        own_uses = name_uses(sig.own_with.items[0], sig.scope_param) if sig.own_with else []
        sig.keep_scope_param = len(uses) > len(own_uses)
        if not sig.keep_scope_param:
            sig.dropped_params.add(sig.scope_param)
    for pname in params:
        if pname == "reuse" or pname.endswith("_reuse") or pname.startswith("reuse_"):
            sig.reuse_param = pname
            sig.keep_reuse_param = not _reuse_only_uses(tf, fn.body, pname)
            if not sig.keep_reuse_param:
                sig.dropped_params.add(pname)
            break
    return sig


def _classify_own_name(
    tf: TfNames, call: ScopeCall, params: dict[str, cst.Param]
) -> tuple[ScopeKind | None, str | None, str | None]:
    name = call.name
    literal = literal_string(name)
    if literal is not None:
        if not is_identifier(literal):
            # (BERT's "cls/predictions"): no module can take that name; the scope stays an
            # inner scope of a scope-less module, entered by name (`_tf1_scope`)
            if all(is_identifier(part) for part in literal.split("/")):
                return None, None, None
            raise Unsupported("unsupported-scope", f"scope name {literal!r} is not a valid tf.Module name")
        return "literal", literal, None
    default_literal = literal_string(call.default_name)
    if name is None and default_literal is not None:
        return "default_name", default_literal, None
    if isinstance(name, cst.Name) and name.value in params:
        if default_literal is not None:
            return "default_name", default_literal, name.value
        return "param", None, name.value
    if (
        isinstance(name, cst.BooleanOperation)
        and isinstance(name.operator, cst.Or)
        and isinstance(name.left, cst.Name)
        and name.left.value in params
        and literal_string(name.right) is not None
    ):
        return "param_or_literal", literal_string(name.right), name.left.value
    return None, None, None
