"""A model object built again in the same scope: TF1 made a second object, the module one.

`Head()(x), Head()(y)` (or `for _ in range(2): h = Block()(h)`) in one variable scope: the
converter keeps one submodule per object site (`self.head`, keyed by the construction's code and
scope, which is right for DCGAN's `batch_norm(name="bn")` built on every call of a reused
discriminator). Two TF1 objects made their variables apart, though: a layer object per instance
(`head/fc`, `head/fc_1`), unnamed layers (`blk/dense`, `blk/dense_1`); one shared module is
another model (W's probe programs w_objects_*_unnamed: stack/dense, stack/dense_1). So a second
construction in the same scope, or one in a loop whose turns share the scope, of a class whose
methods make unnamed layers is refused, unless that scope reuses. (Named layers there made TF1
raise "already exists", or, under AUTO_REUSE, share them: one module is right.)
"""

from __future__ import annotations

import libcst as cst

from migrate.codemod.context import code
from migrate.codemod.creators import makes_default_named_layers
from migrate.codemod.scopes import Unsupported


def check_object_site(converter, original: cst.Call, updated: cst.Call, cls: str, attr: str | None,
                      key: str | None) -> None:
    if converter._reusing():
        return
    ctx = converter.ctx
    methods = [f for q, f in ctx.analysis.functions.items() if q in ctx.analysis.converted and f.owner == cls]
    if not any(f.node is not None and makes_default_named_layers(f.node, ctx.tf) for f in methods):
        return
    again = attr is not None
    per_turn = attr is None and converter.loop_depth and key is None
    if again or per_turn:
        where = "again in the same variable scope" if again else "on every turn of a loop in one variable scope"
        raise Unsupported("unsupported-scope", f"{code(updated)} is built {where}: TF1 made a new object each "
                          "time, whose variables are its own (layer objects and unnamed layers get new names), "
                          "while the module would keep one", original)
