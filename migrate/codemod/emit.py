"""Print a `ClassPlan` as a tf.Module class, and the delegating methods of an owner class."""

from __future__ import annotations

import libcst as cst

from migrate.codemod.context import FileContext, code
from migrate.codemod.plan import ClassPlan
from migrate.codemod.reentry import holder_attrs
from migrate.codemod.scopes import ScopeSignature


def call_parameters(params: cst.Parameters, dropped: set[str], owner: bool) -> cst.Parameters:
    """The `__call__` signature: `self` first, the legacy method's `self` renamed `owner`,
    scope/reuse parameters the plan consumed removed."""
    plain = [p for p in params.params if p.name.value not in dropped]
    if owner and plain:
        plain[0] = plain[0].with_changes(name=cst.Name("owner"))
    kwonly = [p for p in params.kwonly_params if p.name.value not in dropped]
    star_arg = params.star_arg
    if not kwonly and isinstance(star_arg, cst.ParamStar):
        star_arg = cst.MaybeSentinel.DEFAULT
    self_param = cst.Param(cst.Name("self"))
    new = params.with_changes(params=[self_param, *plain], kwonly_params=kwonly, star_arg=star_arg)
    return _fix_commas(new)


def _fix_commas(params: cst.Parameters) -> cst.Parameters:
    order = [*params.posonly_params, *params.params, *params.kwonly_params]
    fixed = [p.with_changes(comma=cst.MaybeSentinel.DEFAULT) for p in order]
    posonly = fixed[: len(params.posonly_params)]
    plain = fixed[len(params.posonly_params): len(params.posonly_params) + len(params.params)]
    kwonly = fixed[len(params.posonly_params) + len(params.params):]
    star_kwarg = params.star_kwarg
    if isinstance(star_kwarg, cst.Param):
        star_kwarg = star_kwarg.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    star_arg = params.star_arg
    if isinstance(star_arg, cst.Param):
        star_arg = star_arg.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return params.with_changes(posonly_params=posonly, params=plain, kwonly_params=kwonly,
                               star_kwarg=star_kwarg, star_arg=star_arg)


def ctor_parameters(sig: ScopeSignature) -> tuple[list[str], str]:
    """Constructor parameters (as code) and the `name=` passed to tf.Module.__init__."""
    if sig.kind == "literal":
        return [f"name={sig.literal!r}"], "name"
    if sig.kind in ("param_or_literal", "default_name") and sig.literal is not None:
        return ["name=None"], f"name or {sig.literal!r}"
    if sig.kind == "param":
        default = sig.scope_param_default
        if default is None:
            return ["name"], "name"
        return [f"name={code(default)}"], "name"
    return ["name=None"], "name"


def emit_class(ctx: FileContext, plan: ClassPlan, ctor: list[str], super_name: str) -> cst.ClassDef:
    tf = ctx.tf_alias
    init_lines = [f"super().__init__(name={super_name})"]
    if plan.reused_module is not None:
        # Re-enters the scope of another method of its owner: that method's module is given and
        # its variables are used (TF1 reused them by name).
        shared, creator = plan.reused_module
        ctor = [shared, *ctor]
        init_lines.append(f"self.{shared} = {shared}  # {creator}'s module: its variables are reused")
    init_lines += [f"self.{attr} = {code(value)}" for attr, value in plan.init_attrs]
    if plan.init_submodules:
        subs = [f"self.{attr} = {code(value)}" for attr, value in plan.init_submodules]
        if plan.has_own_scope:
            init_lines.append("with self.name_scope:")
            init_lines += [f"    {line}" for line in subs]
        else:
            init_lines += subs
    parts = [f"class {plan.class_name}({tf}.Module):"]
    if plan.docstring is not None:
        parts.append("    __DOCSTRING__ = None")
    parts.append(f"    def __init__(self, {', '.join(ctor)}):")
    parts += [f"        {line}" for line in init_lines]
    parts.append("")
    reentered = plan.reused_module is not None and plan.has_own_scope
    if plan.has_own_scope and not reentered:
        parts.append(f"    @{tf}.Module.with_name_scope")
    parts.append("    def __call__(self):")
    parts.append("        pass")
    if plan.regularized:
        parts.append("")
        parts.append("    def regularization_losses(self):")
        parts.append('        """The REGULARIZATION_LOSSES TF1 collected for this module\'s own variables."""')
        parts.append("        losses = []")
        for attr, reg, is_dict in plan.regularized:
            if is_dict:
                parts.append(f"        losses += [self.{reg}(v) for v in self.{attr}.values()]")
            else:
                parts.append(f"        if self.{attr} is not None:")
                parts.append(f"            losses.append(self.{reg}(self.{attr}))")
        parts.append("        return [loss for loss in losses if loss is not None]")
    cls = cst.parse_statement("\n".join(parts) + "\n")
    assert isinstance(cls, cst.ClassDef)
    body = list(cls.body.body)
    new_body: list[cst.BaseStatement] = []
    for stmt in body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == "__call__":
            call_body = plan.call_body or [cst.parse_statement("pass")]
            if reentered:
                # The scope TF1 re-entered is the creator's, by its absolute name: also inside a
                # tf.function, where a scope of this module's own would be made unique.
                call_body = [call_body[0].with_changes(leading_lines=[]), *call_body[1:]]
                call_body = [cst.With(items=[cst.WithItem(cst.parse_expression(
                    f"self.{plan.reused_module[0]}.name_scope"))], body=cst.IndentedBlock(body=call_body))]
            stmt = stmt.with_changes(params=plan.call_params, body=stmt.body.with_changes(body=call_body))
        elif (plan.docstring is not None and isinstance(stmt, cst.SimpleStatementLine)
              and code(stmt).strip().startswith("__DOCSTRING__")):
            stmt = plan.docstring
        new_body.append(stmt)
    return cls.with_changes(body=cls.body.with_changes(body=new_body))


def emit_delegate(ctx: FileContext, method: cst.FunctionDef, sig: ScopeSignature, class_name: str,
                  attr: str) -> cst.FunctionDef:
    """The owner's method keeps its signature and calls its module instance."""
    params = method.params
    self_name = params.params[0].name.value
    forwarded: list[str] = []
    for p in params.params[1:]:
        if p.name.value not in sig.dropped_params:
            forwarded.append(p.name.value)
    if isinstance(params.star_arg, cst.Param):
        forwarded.append(f"*{params.star_arg.name.value}")
    forwarded += [f"{p.name.value}={p.name.value}" for p in params.kwonly_params
                  if p.name.value not in sig.dropped_params]
    if isinstance(params.star_kwarg, cst.Param):
        forwarded.append(f"**{params.star_kwarg.name.value}")
    args = ", ".join([self_name, *forwarded])
    holder = f"{self_name}.{attr}"
    # TF1 resolves the method's scope where it is called: one module per calling scope (and per
    # scope name when the caller passes it).
    taken = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
    for p in (params.star_arg, params.star_kwarg):
        if isinstance(p, cst.Param):
            taken.add(p.name.value)
    scope, key = _fresh("scope", taken), _fresh("key", taken)  # never shadow a parameter
    lines = [f"{scope} = {ctx.tf_attr('compat.v2.get_current_name_scope')}()"]
    if sig.kind in ("param", "param_or_literal", "default_name") and sig.scope_param:
        name = sig.scope_param
        lines += [f"{key} = f\"{{{scope}}}:{{{name}}}\"",
                  f"if {key} not in {holder}:", f"    {holder}[{key}] = {class_name}(name={name})"]
    else:
        # A method re-entering another method's scope is built with the module that method's
        # owner made in the same calling scope (TF1: its variables must exist there already).
        creator = ctx.reentries.get(class_name)
        given = f"{self_name}.{holder_attrs(ctx, ctx.analysis.functions[creator].owner)[creator]}[{key}]" \
            if creator is not None else ""
        lines += [f"{key} = {scope}", f"if {key} not in {holder}:", f"    {holder}[{key}] = {class_name}({given})"]
    call = f"{holder}[{key}]({args})"
    lines.append(call if method.name.value == "__init__" else f"return {call}")
    template = cst.parse_statement("def f():\n" + "\n".join(f"    {line}" for line in lines) + "\n")
    assert isinstance(template, cst.FunctionDef)
    body = list(template.body.body)
    doc = _docstring(method)
    if doc is not None:
        body.insert(0, doc)
    return method.with_changes(body=method.body.with_changes(body=body))


def _fresh(name: str, taken: set[str]) -> str:
    while name in taken:
        name = f"current_{name}" if not name.startswith("current_") else name + "_"
    return name


def delegate_holder_init(sig: ScopeSignature, attr: str) -> str:
    return f"self.{attr} = {{}}"


def _docstring(fn: cst.FunctionDef) -> cst.BaseStatement | None:
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else []
    if body and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1:
        expr = body[0].body[0]
        if isinstance(expr, cst.Expr) and isinstance(expr.value, (cst.SimpleString, cst.ConcatenatedString)):
            return body[0]
    return None


docstring_of = _docstring
