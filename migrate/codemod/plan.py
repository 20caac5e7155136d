"""The plan of one generated class, as plain data: what `emit` prints and the report lists."""

from __future__ import annotations

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
