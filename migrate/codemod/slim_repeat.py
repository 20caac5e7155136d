"""`slim.repeat` / `slim.stack` written out as the calls they make, before the codemod.

tf_slim's `repeat(inputs, n, layer, *args, scope="conv1", **kwargs)` opens
`variable_scope(scope, "Repeat")` and calls `layer(outputs, *args, scope="conv1_<i+1>", **kwargs)`
n times; `stack(inputs, layer, [a1, a2], scope="fc")` does the same with each element's arguments
(`fc/fc_1`, `fc/fc_2`; verified on tf_slim 1.1, TF 2.21 graph mode). So

    net = slim.repeat(net, 2, slim.conv2d, 64, [3, 3], scope="conv1")

is exactly

    with tf.variable_scope("conv1"):
        net = slim.conv2d(net, 64, [3, 3], scope="conv1_1")
        net = slim.conv2d(net, 64, [3, 3], scope="conv1_2")

which the creators then convert with TF1's names. Required, else left as written (the upgrade
stage reports tf.contrib's repeat / stack): the call is the whole value of `name = ...`, a literal
`scope=`, a literal repetition count (repeat) or a literal list (stack), a layer that is a
contrib / slim creator or plain op taking `scope`, and arguments that are literals, names,
attributes or TensorFlow calls making no variables (they are written once per call) that do not
read the assigned name.
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.creators import PLAIN_OPS, SPECS

_REPEAT = ("repeat",)
_STACK = ("stack",)
_PREFIXES = ("contrib.slim.", "contrib.layers.")
_MAX_UNROLL = 32
_EQUAL = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))


def _quoted(text: str) -> str:
    return '"' + text + '"' if '"' not in text and "\\" not in text else repr(text)


def unroll_repeats(module: cst.Module, tf, functions, only: frozenset[str | None] | None = None
                   ) -> tuple[cst.Module, set[str]]:
    """`functions`: (qualname, FunctionDef, ClassDef | None) of the module. Returns the module
    with every eligible repeat / stack written out, and the functions changed."""
    if tf.tf_alias is None:
        return module, set()
    replacements: dict[int, cst.FunctionDef] = {}
    regions: set[str] = set()
    for qualname, function, _ in functions:
        if only is not None and qualname not in only:
            continue
        rewriter = _Statements(tf, _names_in(function))
        new = function.visit(rewriter)
        if rewriter.changed:
            replacements[id(function)] = new  # type: ignore[assignment]
            regions.add(qualname)
    if not replacements:
        return module, regions

    class _Swap(cst.CSTTransformer):
        def leave_FunctionDef(self, original, updated):
            return replacements.get(id(original), updated)

    return module.visit(_Swap()), regions


def _kind(tf, call: cst.Call) -> str | None:
    api = tf.api(call.func) or ""
    for prefix in _PREFIXES:
        if api.startswith(prefix):
            rest = api[len(prefix):]
            if rest in _REPEAT:
                return "repeat"
            if rest in _STACK:
                return "stack"
    return None


def _names_in(node: cst.CSTNode) -> set[str]:
    found: set[str] = set()

    class _V(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            found.add(n.value)

    node.visit(_V())
    return found


class _Statements(cst.CSTTransformer):
    def __init__(self, tf, taken: set[str] | None = None) -> None:
        self.tf = tf
        self.changed = False
        self.taken = taken if taken is not None else set()

    def _returned(self, updated: cst.SimpleStatementLine):
        """`return slim.stack(net, slim.fully_connected, [5, 3], scope="fc")`: written out into a
        fresh local, then returned (W's probe w_slim_repeat_stack_scoped: the return stayed, and
        refused its function)."""
        ret = updated.body[0]
        if not isinstance(ret, cst.Return) or not isinstance(ret.value, cst.Call) or _kind(self.tf, ret.value) is None:
            return updated
        target = "net"
        while target in self.taken:
            target = f"_{target}"
        written = _written_out(self.tf, ret.value, _kind(self.tf, ret.value), target)
        if written is None:
            return updated
        self.taken.add(target)
        scope, calls = written
        body = [cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(target))], call)])
                for call in calls]
        with_item = cst.WithItem(cst.parse_expression(f"{self.tf.tf_alias}.variable_scope({_quoted(scope)})"))
        self.changed = True
        return cst.FlattenSentinel([
            cst.With(items=[with_item], body=cst.IndentedBlock(body=body), leading_lines=updated.leading_lines),
            cst.SimpleStatementLine([ret.with_changes(value=cst.Name(target))])])

    def leave_SimpleStatementLine(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine):
        if len(updated.body) == 1 and isinstance(updated.body[0], cst.Return):
            return self._returned(updated)
        if len(updated.body) != 1 or not isinstance(updated.body[0], cst.Assign):
            return updated
        assign = updated.body[0]
        if len(assign.targets) != 1 or not isinstance(assign.targets[0].target, cst.Name) \
                or not isinstance(assign.value, cst.Call):
            return updated
        kind = _kind(self.tf, assign.value)
        if kind is None:
            return updated
        target = assign.targets[0].target.value
        written = _written_out(self.tf, assign.value, kind, target)
        if written is None:
            return updated
        scope, calls = written
        body = [cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(target))], call)])
                for call in calls]
        with_item = cst.WithItem(cst.parse_expression(f"{self.tf.tf_alias}.variable_scope({_quoted(scope)})"))
        self.changed = True
        return cst.With(items=[with_item], body=cst.IndentedBlock(body=body),
                        leading_lines=updated.leading_lines)


def _written_out(tf, call: cst.Call, kind: str, target: str) -> tuple[str, list[cst.Call]] | None:
    if any(a.star for a in call.args):
        return None
    positional = [a for a in call.args if a.keyword is None]
    keywords = [a for a in call.args if a.keyword is not None]
    scope_arg = next((a for a in keywords if a.keyword.value == "scope"), None)
    if scope_arg is None or not isinstance(scope_arg.value, cst.SimpleString):
        return None
    scope = scope_arg.value.evaluated_value
    if not isinstance(scope, str) or not scope:
        return None
    rest_keywords = [a for a in keywords if a is not scope_arg]
    if kind == "repeat":
        if len(positional) < 3 or not isinstance(positional[1].value, cst.Integer):
            return None
        count = int(positional[1].value.value, 0)
        layer, extra = positional[2].value, [a.value for a in positional[3:]]
        per_call = [extra] * count
    else:
        if len(positional) != 3 or not isinstance(positional[2].value, (cst.List, cst.Tuple)):
            return None
        layer = positional[1].value
        per_call = []
        for element in positional[2].value.elements:
            if isinstance(element, cst.StarredElement):
                return None
            value = element.value
            per_call.append([e.value for e in value.elements] if isinstance(value, (cst.List, cst.Tuple))
                            and not any(isinstance(e, cst.StarredElement) for e in value.elements)
                            else [value])
    if not 0 < len(per_call) <= _MAX_UNROLL or not _scoped_layer(tf, layer):
        return None
    values = [v for args in per_call for v in args] + [a.value for a in rest_keywords] + [positional[0].value]
    if not all(_plain(tf, v, target) for v in values[:-1]) or not _plain(tf, values[-1], None):
        return None
    calls = []
    inputs: cst.BaseExpression = positional[0].value
    for i, args in enumerate(per_call):
        new_args = [cst.Arg(inputs), *(cst.Arg(v) for v in args),
                    *(a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in rest_keywords),
                    cst.Arg(cst.SimpleString(_quoted(f"{scope}_{i + 1}")), keyword=cst.Name("scope"),
                            equal=_EQUAL)]
        new_args = [a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
                    for a in new_args[:-1]] + [new_args[-1]]
        calls.append(cst.Call(func=layer, args=new_args))
        inputs = cst.Name(target)
    return scope, calls


def _scoped_layer(tf, layer: cst.BaseExpression) -> bool:
    """A contrib / slim creator or plain op taking `scope` (not a user function: its scope
    parameter may mean anything)."""
    api = tf.api(layer) or ""
    if not api.startswith(_PREFIXES):
        return False
    spec = SPECS.get(api)
    if spec is not None:
        return spec.scope_param == "scope"
    return api in PLAIN_OPS


def _plain(tf, expr: cst.BaseExpression, target: str | None) -> bool:
    """Evaluating it again changes nothing: literals, names (not `target`), attributes, and
    TensorFlow calls that make no variables."""
    ok = [True]

    class _V(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            if target is not None and node.value == target:
                ok[0] = False

        def visit_Call(self, node: cst.Call) -> None:
            api = tf.api(node.func)
            if api is None or api in SPECS or api.endswith(("get_variable", "Variable")):
                ok[0] = False

        def visit_Lambda(self, node: cst.Lambda) -> None:
            ok[0] = False

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            ok[0] = False

        def visit_Yield(self, node: cst.Yield) -> None:
            ok[0] = False

    expr.visit(_V())
    return ok[0]
