"""A tf.layers layer object on `self` called from several methods (`self.fc = tf.layers.Dense(10,
name="fc")` in `__init__`, used by `train_logits()` and `sample()`), or from a method the class
runs in several places: kept as one object for the whole class, as TF1 kept it.

TF1 semantics (tf_keras' legacy layers, verified with tf.compat.v1 in graph mode): construction
creates nothing; the first call opens `variable_scope(None, default_name=<name>)` in the variable
scope active there and every later call, in any scope and any method, re-enters that scope: one
set of variables, named where the layer first ran. The functional creator at each call would
name them per call site, so instead (the way rnn_cell_shared.py keeps one cell for a class):

- the construction becomes `self.fc = tf.nn.rnn_cell.layer_object("Dense", units=10,
  name="fc")`, which the codemod builds as the library's `LayerObject(Dense, units=10,
  name="fc")` when it converts the class: the library layer is made at the first call, under
  the name scope active then (the converted methods enter TF1's variable scopes as name scopes),
  and kept;
- each call becomes `tf.nn.rnn_cell.layer_call(self.fc, x, scope="fc", reuse=tf.AUTO_REUSE)`,
  a runner-like creator the codemod turns into a module of the calling method that runs
  `owner.fc` (LayerCall: no scope, no variables of its own).

Required, else the layer stays as written with a reason (layer_attributes.py's): built once, in
`__init__`, by a statement of its own, and nothing else there makes variables; every other use a
call with the input first (and `training=` for batch norm); a literal name that no other string
of the file spells and that is no creator's default name (TF1 would have made it unique:
`fc_1`), no `name_scope` in the file (TF1's layers ignore name scopes, the converted code's
names follow them).
"""

from __future__ import annotations

import ast
from collections import Counter

import libcst as cst

from migrate.codemod.creators import SPECS
from migrate.codemod.creators_rnn import CELL_SCOPE_NAMES, LAYER_CALL_API, LAYER_OBJECT_API, RUNNERS

_VARIABLE_MAKERS = frozenset({"get_variable", "Variable", "variable_scope", "make_template"})
_DEFAULT_NAMES = frozenset(s.default_name for s in SPECS.values()) | frozenset(
    CELL_SCOPE_NAMES.values()) | frozenset(s.default_name for s in RUNNERS.values())


def string_counts(source: str) -> Counter:
    """How often each string constant occurs in the file (a name spelled twice may clash)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return Counter()
    return Counter(n.value for n in ast.walk(tree) if type(n) is ast.Constant and isinstance(n.value, str))


def judge_shared(scan, attr: str, constructions, tf_alias: str | None, ctor_params, call_keywords,
                 string_of, strings: Counter, has_name_scope: bool):
    """(reason, None) or (None, (construction, calls, keywords)) for one layer attribute."""
    if len(constructions) != 1:
        return "it is assigned more than once", None
    construction = constructions[0]
    if not construction.method.endswith(".__init__"):
        return "it is not built in __init__", None
    if tf_alias is None:
        return "the file has no `tf` alias", None
    if has_name_scope:
        return "the file opens name scopes (TF1's layers ignored them)", None
    for node, method, _ in scan.uses.get(attr, []):
        if id(node) not in scan.construction_targets and id(node) not in scan.call_funcs:
            return f"it is used other than by calling it (in {method.rsplit('.', 1)[-1]})", None
    calls = scan.calls.get(attr, [])
    if not calls or any(c.method == construction.method for c in calls):
        return "it is called in __init__ or never", None
    functional = scan.layer_classes[construction.api]
    allowed = call_keywords.get(functional, frozenset())
    for call in calls:
        args = call.node.args
        if not args or args[0].keyword is not None or args[0].star or any(
                a.star or a.keyword is None or a.keyword.value not in allowed for a in args[1:]):
            return "a call passes more than its input", None
    params = ctor_params(functional)
    keywords: list[tuple[str, cst.BaseExpression]] = []
    for i, arg in enumerate(construction.call.args):
        if arg.star:
            return "its constructor takes *args / **kwargs", None
        keyword = arg.keyword.value if arg.keyword is not None else (params[i] if i < len(params) else None)
        if keyword is None or keyword not in params:
            return f"constructor argument {keyword or i} has no functional counterpart", None
        keywords.append((keyword, arg.value))
    name = string_of(next((v for k, v in keywords if k == "name"), None) or cst.Name("None"))
    if not name:
        return "it has no literal name (TF1 numbered it where it first ran)", None
    if strings.get(name, 0) > 1 or name in _DEFAULT_NAMES:
        return f"its name {name!r} is also spelled elsewhere in the file (TF1 may have made it {name}_1)", None
    if _makes_variables(scan, construction):
        return "__init__ also makes variables or calls methods of the class", None
    return None, (construction, calls, keywords, name)


def _makes_variables(scan, construction) -> bool:
    method = next(m for m in scan.cls.body.body if isinstance(m, cst.FunctionDef)
                  and f"{scan.cls.name.value}.{m.name.value}" == construction.method)
    tf = scan.tf
    methods = {m.name.value for m in scan.cls.body.body if isinstance(m, cst.FunctionDef)}
    found = False

    class _Calls(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            nonlocal found
            api = tf.api(node.func)
            if api is not None and (api in SPECS or api in RUNNERS or api in _VARIABLE_MAKERS):
                found = True
            func = node.func
            if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
                    and func.value.value == construction.self_name and func.attr.value in methods:
                found = True

    method.visit(_Calls())
    return found


def write_shared(scan, attr: str, result, tf_alias: str, plan) -> None:
    """Fill layer_attributes' AttributePlan with the rewrite (see the module doc)."""
    construction, calls, keywords, name = result
    library = SPECS[scan.layer_classes[construction.api]].class_name
    ctor = cst.parse_expression(f'{tf_alias}.{LAYER_OBJECT_API}("{library}")')
    assert isinstance(ctor, cst.Call)
    ctor = ctor.with_changes(args=[*ctor.args, *(_keyword(k, v) for k, v in keywords)])
    plan.replaced[id(construction.statement)] = [construction.statement.with_changes(body=[
        cst.Assign([cst.AssignTarget(cst.parse_expression(f"{construction.self_name}.{attr}"))], ctor)])]
    runner = cst.parse_expression(f"{tf_alias}.{LAYER_CALL_API}")
    for call in calls:
        func = call.node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("apply", "__call__") \
                and isinstance(func.value, cst.Attribute):
            func = func.value
        args = [cst.Arg(func), *(a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in call.node.args),
                _keyword("scope", cst.SimpleString(repr(name))),
                _keyword("reuse", cst.parse_expression(f"{tf_alias}.AUTO_REUSE"))]
        plan.calls[id(call.node)] = cst.Call(func=runner, args=args)
        plan.regions.add(call.method)


def _keyword(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(value, keyword=cst.Name(name),
                   equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))
