"""Scope-less helpers that pass their `name=None` parameter on as a layer's name (albert's
`layer_norm(x, name=None)` -> `contrib_layers.layer_norm(..., scope=name)`).

Called twice in one variable scope without a name, TF1 gave the two layers uniquified default
names (`LayerNorm`, `LayerNorm_1`). The converted caller says so explicitly: each such call passes
its TF1 name (`name='LayerNorm_1'`), so the helper's module (one per caller, keyed by name) builds
one layer per call.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from migrate.codemod.creators import SPECS

_NAME_PARAMS = ("name", "scope", "name_or_scope")


def forwarded_layer_default(function: cst.FunctionDef, api_of: Callable[[cst.BaseExpression], str | None],
                            helper: Callable[[cst.BaseExpression], cst.FunctionDef | None],
                            depth: int = 0) -> tuple[str, int, str] | None:
    """(parameter, index, TF1 default name) when `function`'s only use of its `name=None`
    parameter is as the name of one layer creator, of its own `variable_scope(name,
    default_name=...)`, or of another such helper: the default name is what TF1 uniquifies when
    the parameter is left None."""
    if depth > 4:
        return None
    params = function.params.params
    for index, param in enumerate(params):
        if param.name.value not in _NAME_PARAMS or not (
                isinstance(param.default, cst.Name) and param.default.value == "None"):
            continue
        uses = _uses(function.body, param.name.value)
        if len(uses) != 1:
            continue
        default = _default_named_by(uses[0], param.name.value, api_of, helper, depth)
        if default is not None:
            return param.name.value, index, default
    return None


def _default_named_by(call: cst.Call, param: str, api_of: Callable[[cst.BaseExpression], str | None],
                      helper: Callable[[cst.BaseExpression], cst.FunctionDef | None], depth: int) -> str | None:
    """The default name TF1 gives the layer `call` makes when `param` (passed as its name) is None."""
    api = api_of(call.func) or ""
    if api == "variable_scope":  # the helper's own scope (t2t's `variable_scope(name, default_name="linear")`)
        default = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "default_name"),
                       call.args[1].value if len(call.args) > 1 and call.args[1].keyword is None else None)
        literal = default.evaluated_value if isinstance(default, cst.SimpleString) else None
        return literal if isinstance(literal, str) and _passed_as(call, 0, "name_or_scope", param) else None
    spec = SPECS.get(api)
    if spec is not None:
        return spec.default_name if _passed_as(call, spec.params.index(spec.scope_param), spec.scope_param, param) else None
    inner = helper(call.func)
    if inner is None:
        return None
    forwarded = forwarded_layer_default(inner, api_of, helper, depth + 1)
    if forwarded is None:
        return None
    inner_param, inner_index, default = forwarded
    return default if _passed_as(call, inner_index, inner_param, param) else None


def argument_for(call: cst.Call, index: int, param: str) -> cst.BaseExpression | None:
    """What `call` passes for the parameter at `index` named `param` (by keyword or position)."""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return next((a.value for a in call.args if a.keyword is not None and a.keyword.value == param),
                positional[index].value if index < len(positional) else None)


def _passed_as(call: cst.Call, index: int, keyword: str, param: str) -> bool:
    value = argument_for(call, index, keyword)
    return isinstance(value, cst.Name) and value.value == param


def _uses(body: cst.CSTNode, param: str) -> list[cst.Call]:
    """The calls whose arguments are exactly `param`; a use of it anywhere else (reassigned,
    formatted, tested) disqualifies the parameter (an empty list or a non-call marker)."""
    calls: list[cst.Call] = []
    other = [0]

    class _Visitor(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if any(isinstance(a.value, cst.Name) and a.value.value == param for a in node.args):
                calls.append(node)

        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)  # (not the keyword: `name=name` uses it once)
            return False

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)  # (not the attribute: `x.name`)
            return False

        def visit_Param(self, node: cst.Param) -> bool:
            return False  # a nested def's own parameter

        def visit_Name(self, node: cst.Name) -> None:
            if node.value == param:
                other[0] += 1

    body.visit(_Visitor())
    # every Name use of the parameter must be one of those call arguments
    direct = sum(1 for c in calls for a in c.args if isinstance(a.value, cst.Name) and a.value.value == param)
    return calls if direct == other[0] and len(calls) == 1 and direct == 1 else []
