"""The plan of one generated class, as plain data: what `emit` prints and the report lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst


@dataclass
class ClassPlan:
    legacy_name: str  # "linear" or "Model.encoder"
    class_name: str
    line: int
    ctor_params: list[cst.Param] = field(default_factory=list)
    super_name: cst.BaseExpression | None = None  # the `name=` given to tf.Module.__init__
    has_own_scope: bool = False
    init_attrs: list[tuple[str, cst.BaseExpression]] = field(default_factory=list)  # attr = None / {}
    init_submodules: list[tuple[str, cst.BaseExpression]] = field(default_factory=list)
    call_params: cst.Parameters | None = None
    call_body: list[cst.BaseStatement] = field(default_factory=list)
    docstring: cst.BaseStatement | None = None
    regularized: list[tuple[str, str, bool]] = field(default_factory=list)  # (attr, reg attr, is_dict)
    variables: list[str] = field(default_factory=list)
    submodules: list[str] = field(default_factory=list)
    owner: str | None = None  # for methods: the class whose method this was
    # A method re-entering another method's scope: (attribute / constructor parameter holding
    # that method's module, its qualname). Its variables are that module's.
    reused_module: tuple[str, str] | None = None
    # What `migrate explain` shows (plain data, filled where the body walk decides it):
    variable_names: dict[str, str] = field(default_factory=dict)  # attr -> TF1 name below the class scope
    submodule_specs: dict[str, tuple[str, str]] = field(default_factory=dict)  # attr -> (class, scope below ours)
    sites: list[tuple[str, int, str]] = field(default_factory=list)  # (attr, line, "creates" | why it is shared)

    @property
    def ctor_param_names(self) -> tuple[str, ...]:
        return tuple(p.name.value for p in self.ctor_params)

    @property
    def call_param_names(self) -> tuple[str, ...]:
        if self.call_params is None:
            return ()
        ps = self.call_params
        names = [p.name.value for p in [*ps.posonly_params, *ps.params, *ps.kwonly_params]]
        for star in (ps.star_arg, ps.star_kwarg):
            if isinstance(star, cst.Param):
                names.append(star.name.value)
        return tuple(names)


def scope_text(path: tuple[tuple[str, str], ...], tail: str | None = None) -> str:
    """A scope path as TF1 spells it: static parts as they are, computed ones as `{expression}`."""
    parts = [value if kind == "s" else "{" + value + "}" for kind, value in path]
    if tail:
        parts.append(tail)
    return "/".join(parts)


def default_scope_name(sig) -> str | None:  # sig: scopes.ScopeSignature (no import cycle)
    """The scope an instance built with its defaults opens (None: it opens none)."""
    if sig.kind == "none":
        return None
    if sig.kind == "param" and sig.scope_param_default is not None:
        from migrate.codemod.naming import literal_string

        return literal_string(sig.scope_param_default) or sig.literal
    return sig.literal


def explain_fields(plan: ClassPlan, sig) -> dict:
    """The plain-data fields of result.ConvertedFunction that `migrate explain` reads."""
    return {
        "scope": default_scope_name(sig),
        "variable_names": tuple(plan.variable_names.items()),
        "submodule_specs": tuple((attr, cls, scope) for attr, (cls, scope) in plan.submodule_specs.items()),
        "sites": tuple(plan.sites),
    }


def object_name(call: cst.Call) -> str | None:
    """The literal `name=` an object is built with (its scope, as TF1 code passed it on)."""
    from migrate.codemod.naming import literal_string

    arg = next((a for a in call.args if a.keyword is not None and a.keyword.value == "name"), None)
    return literal_string(arg.value) if arg is not None else None


def site_line(lines, node: cst.CSTNode, first_line: int) -> int:  # lines: lines.LineIndex
    """A call site's line, searched from `first_line` (the enclosing def, or the previous site):
    the same call text often occurs in several functions (LineIndex alone finds the first)."""
    module, source = lines._module, lines._source if lines._source is not None else lines._module.code
    text = module.code_for_node(node).strip()
    needle = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    starts = getattr(lines, "_explain_line_starts", None)
    if starts is None:  # offsets of each line's start, once per file
        starts = [0] + [m.end() for m in re.finditer("\n", source)]
        lines._explain_line_starts = starts
    start = starts[min(max(first_line - 1, 0), len(starts) - 1)]
    offset = source.find(needle, start) if needle else -1
    return source.count("\n", 0, offset) + 1 if offset >= 0 else lines.line(node)
