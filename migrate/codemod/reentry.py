"""Methods that re-enter a scope another method of the same object created (GAN samplers).

DCGAN's pattern: `generator(self, z)` opens `variable_scope("generator")` and creates
`generator/g_h0_lin/Matrix`; `sampler(self, z)` opens the same scope, calls
`scope.reuse_variables()` and runs the same ops, so TF1 hands it the generator's variables by
name. Converted, both are modules of the owner; the sampler's module is built with the
generator's module (the one its owner built in the same calling scope) and refers to that
module's variables and submodules: `self.generator.g_h0_lin(...)`.

What the re-entering method asks for is looked up in a registry of the creator, keyed exactly
as the body walk keys its own sites (the TF1 scope path below the module's scope, the callee,
the scope name): the creator's body is walked once more, on the side, to fill it.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from migrate.codemod.context import FileContext, code
from migrate.codemod.naming import snake_case
from migrate.codemod.scopes import ScopeSignature, Unsupported, is_reuse_statement


@dataclass(frozen=True)
class Registry:
    """What a converted method's body created, by the body walk's own site keys."""

    creator: str  # qualname, "GAN.generator"
    scope: str  # the TF1 scope both methods open, "generator"
    sub_attrs: dict  # site key -> attribute of a submodule (a converted callee, an object)
    var_attrs: dict  # site key -> attribute of a variable


def definitely_reuses(sig: ScopeSignature) -> bool:
    """The method's own scope reuses from its first statement: `reuse=True` on it, or
    `scope.reuse_variables()` / `tf.get_variable_scope().reuse_variables()` at its top level."""
    call = sig.own_call
    if call is None or sig.own_with is None:
        return False
    if isinstance(call.reuse, cst.Name) and call.reuse.value == "True":
        return True
    body = sig.own_with.body.body if isinstance(sig.own_with.body, cst.IndentedBlock) else []
    for stmt in body:
        if is_reuse_statement(None, stmt):  # type: ignore[arg-type]
            target = stmt.body[0].value.func.value  # type: ignore[attr-defined]
            return (isinstance(target, cst.Name) and target.value == sig.capture) or isinstance(target, cst.Call)
    return False


def _auto_reuse(sig: ScopeSignature) -> bool:
    call = sig.own_call
    return call is not None and call.reuse is not None and code(call.reuse).endswith("AUTO_REUSE")


def peers(ctx: FileContext, qualname: str) -> list[str]:
    """Other converted methods of the same owner whose own scope has the same literal name."""
    info = ctx.analysis.functions[qualname]
    sig = ctx.sigs.get(qualname)
    if info.owner is None or sig is None or sig.kind != "literal" or info.name == "__init__":
        return []
    out = []
    for q in sorted(ctx.analysis.converted):
        other = ctx.analysis.functions[q]
        other_sig = ctx.sigs.get(q)
        if (q != qualname and other.owner == info.owner and other.external is None and other.name != "__init__"
                and other_sig is not None and other_sig.kind == "literal" and other_sig.literal == sig.literal):
            out.append(q)
    return out


def _reuses_at_top(fn: cst.FunctionDef) -> bool:
    """`tf.get_variable_scope().reuse_variables()` among a method's own top-level statements."""
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else []
    return any(is_reuse_statement(None, stmt) and isinstance(stmt.body[0].value.func.value, cst.Call)  # type: ignore
               for stmt in body)


def scope_less_creators(ctx: FileContext, qualname: str) -> list[str]:
    """For a method with no scope of its own that reuses its caller's scope (the 2016 DCGAN's
    `sampler`: `tf.get_variable_scope().reuse_variables()`, then `linear(z, ..., 'g_h0_lin')`),
    the other scope-less converted methods of its owner that do not: where the sites it asks for
    may have been created (each site must be found in exactly one)."""
    info = ctx.analysis.functions[qualname]
    sig = ctx.sigs.get(qualname)
    if info.owner is None or sig is None or sig.kind != "none" or info.name == "__init__":
        return []
    out = []
    for q in sorted(ctx.analysis.converted):
        other = ctx.analysis.functions[q]
        other_sig = ctx.sigs.get(q)
        if (q != qualname and other.owner == info.owner and other.external is None and other.name != "__init__"
                and other_sig is not None and other_sig.kind == "none" and not _reuses_at_top(other.node)):
            out.append(q)
    return out


def creators_of(ctx: FileContext, qualname: str, node: cst.CSTNode) -> list[str]:
    """The methods whose variables `qualname` may re-enter: the one creating in its literal
    scope, or the scope-less ones of its owner (empty: it re-enters no method's variables)."""
    creator = creator_of(ctx, qualname, node)
    return [creator] if creator is not None else scope_less_creators(ctx, qualname)


def creator_of(ctx: FileContext, qualname: str, node: cst.CSTNode) -> str | None:
    """The method whose variables `qualname` re-enters (None: it re-enters no method's scope)."""
    others = peers(ctx, qualname)
    if not others:
        return None
    creators = [q for q in others if not definitely_reuses(ctx.sigs[q])]
    scope = ctx.sigs[qualname].literal
    if len(creators) > 1:
        raise Unsupported("unsupported-scope", f"{qualname} re-enters scope {scope!r}, which several methods "
                          f"create variables in ({', '.join(creators)}): which one TF1 reused depends on the "
                          "call order", node)
    if not creators:
        raise Unsupported("unsupported-scope", f"{qualname} re-enters scope {scope!r} with reuse, but every "
                          f"method opening it reuses too ({', '.join(others)}): none creates the variables", node)
    return creators[0]


def _reuse_parameter(sig: ScopeSignature) -> bool:
    """`reuse=<parameter>` on the own scope, or `if reuse: scope.reuse_variables()`."""
    call = sig.own_call
    return sig.reuse_param is not None or (call is not None and isinstance(call.reuse, cst.Name)
                                           and call.reuse.value not in ("True", "False", "None"))


def check_no_auto_reuse_peer(ctx: FileContext, qualname: str, node: cst.CSTNode) -> None:
    """Creating in a scope another method of the owner also creates in, where TF1 may share them:
    under AUTO_REUSE (with whichever runs first) or by a reuse parameter (as its callers decide).
    Two modules would make two sets of one name."""
    sig = ctx.sigs[qualname]
    for q in peers(ctx, qualname):
        other = ctx.sigs[q]
        if definitely_reuses(other):
            continue  # it re-enters ours: we are the creator
        if _auto_reuse(sig) or _auto_reuse(other):
            raise Unsupported("unsupported-scope", f"{qualname} and {q} both create variables in scope "
                              f"{sig.literal!r} with AUTO_REUSE: which one creates them depends on the call order "
                              "(make one of them re-enter it with reuse=True)", node)
        if _reuse_parameter(sig) or _reuse_parameter(other):
            raise Unsupported("unsupported-scope", f"{qualname} and {q} both open scope {sig.literal!r}, one with reuse "
                              "given by a parameter: which one creates the variables depends on their callers "
                              "(make the one that reuses say reuse=True or call scope.reuse_variables())", node)


def registry_of(ctx: FileContext, creator: str) -> Registry:
    """Walk the creator's body on the side (the walk is deterministic: the same attribute names as
    its real conversion) and keep its site keys."""
    cache = ctx.registries
    if creator in cache:
        return cache[creator]
    from migrate.codemod.body import BodyConverter  # (the walk itself uses this module)
    from migrate.codemod.fastwalk import visit as fast_visit
    from migrate.codemod.naming import NameAllocator
    from migrate.codemod.plan import ClassPlan

    info = ctx.analysis.functions[creator]
    sig = ctx.sigs[creator]
    plan = ClassPlan(creator, ctx.class_names[creator], info.line, owner=info.owner,
                     has_own_scope=sig.own_with is not None)
    walker = BodyConverter(ctx, info, sig, plan, NameAllocator({"owner", "self"}))
    fast_visit(info.node.body, walker)
    registry = Registry(creator, sig.literal or "", dict(walker.sub_attrs), dict(walker.var_attrs))
    cache[creator] = registry
    return registry


def creator_attribute(ctx: FileContext, creator: str) -> str:
    """The attribute (and constructor parameter) holding the creator's module: its method name."""
    return snake_case(ctx.analysis.functions[creator].name)


def holder_attrs(ctx: FileContext, owner: str) -> dict[str, str]:
    """The owner's attribute holding each converted method's modules (`_generator_module`),
    decided as the owner's rewrite decides them (in class order, clashes suffixed)."""
    functions = ctx.analysis.functions
    methods = sorted((q for q in ctx.analysis.converted if functions[q].owner == owner and functions[q].external is None),
                     key=lambda q: functions[q].key)
    holders: list[str] = []
    out: dict[str, str] = {}
    for q in methods:
        name = functions[q].name
        attr = "_constructor_module" if name == "__init__" else f"_{name.strip('_')}_module"
        while any(attr in h for h in holders):
            attr = f"_{attr.strip('_')}_"
        holders.append(f"self.{attr} = {{}}")
        out[q] = attr
    return out
