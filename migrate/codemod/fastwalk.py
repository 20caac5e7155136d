"""`node.visit(visitor)` through the upgrade stage's faster walker where the visitor allows it.

libcst's visit machinery rebuilds every node and looks callbacks up by string on every field;
`migrate.upgrade.walk` runs the same callbacks in the same order without that overhead (4x on
tensor2tensor). Visitors it cannot serve (generic on_visit, callbacks for leaf nodes) fall back.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from migrate.upgrade.walk import check_visitor, walk

_ALLOWED: dict[type, bool] = {}


def visit(node: cst.CSTNode, visitor: cst.CSTVisitor | cst.CSTTransformer) -> Any:
    cls = type(visitor)
    allowed = _ALLOWED.get(cls)
    if allowed is None:
        try:
            check_visitor(cls)
            allowed = not any(attr.count("_") >= 2 and attr.split("_")[0] in ("visit", "leave")
                              for attr in vars(cls))  # attribute callbacks: visit_With_body
        except TypeError:
            allowed = False
        _ALLOWED[cls] = allowed
    return walk(node, visitor) if allowed else node.visit(visitor)
