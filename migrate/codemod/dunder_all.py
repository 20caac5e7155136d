"""A module's literal `__all__` follows its converted functions: `'fc'` -> `'Fc'` (both names when
the TF1 def stays beside the class). Otherwise `from .layers import *` in a package's
`__init__.py` raises AttributeError for the name that went away."""

from __future__ import annotations

import libcst as cst


def rename_in_dunder_all(module: cst.Module, renames: dict[str, str], kept: frozenset[str]) -> cst.Module:
    """`renames`: converted top-level function -> its class; `kept`: those whose def stays."""
    if not renames:
        return module
    body = list(module.body)
    changed = False
    for index, stmt in enumerate(body):
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        small = []
        for part in stmt.body:
            value = _all_value(part)
            if value is not None:
                new_value = _renamed(value, renames, kept)
                if new_value is not value:
                    part = part.with_changes(value=new_value)
                    changed = True
            small.append(part)
        body[index] = stmt.with_changes(body=small)
    return module.with_changes(body=body) if changed else module


def _all_value(part: cst.BaseSmallStatement) -> cst.BaseExpression | None:
    if isinstance(part, cst.Assign) and len(part.targets) == 1:
        target = part.targets[0].target
    elif isinstance(part, cst.AugAssign):
        target = part.target
    else:
        return None
    if not (isinstance(target, cst.Name) and target.value == "__all__"):
        return None
    return part.value if isinstance(part.value, (cst.List, cst.Tuple)) else None


def _renamed(value: cst.List | cst.Tuple, renames: dict[str, str], kept: frozenset[str]) -> cst.BaseExpression:
    elements: list[cst.Element] = []
    changed = False
    for element in value.elements:
        text = element.value.evaluated_value if isinstance(element.value, cst.SimpleString) else None
        if not isinstance(text, str) or text not in renames:
            elements.append(element)
            continue
        quote = element.value.quote if isinstance(element.value, cst.SimpleString) else "'"
        new = element.with_changes(value=cst.SimpleString(f"{quote}{renames[text]}{quote}"))
        if text in kept:  # the def stays: export both names
            elements.append(element.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))))
        elements.append(new)
        changed = True
    return value.with_changes(elements=elements) if changed else value
