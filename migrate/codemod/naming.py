"""Names the generated code uses: classes, attributes, and keys of dynamic scope names."""

from __future__ import annotations

import keyword
import re

import libcst as cst

# Attributes tf.Module already defines: a variable or submodule must not shadow them.
RESERVED_ATTRS = {
    "name", "name_scope", "variables", "trainable_variables", "non_trainable_variables",
    "submodules", "with_name_scope", "regularization_losses",
}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def is_identifier(text: str) -> bool:
    return bool(_IDENTIFIER.match(text)) and not keyword.iskeyword(text)


def class_name_for(function_name: str) -> str:
    """`foo_bar` -> `FooBar`, `_conv2d` -> `Conv2d`, `LSTMCell` stays."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", function_name) if p]
    name = "".join(p[:1].upper() + p[1:] for p in parts) or "Module"
    return name if not name[0].isdigit() else f"M{name}"


def attr_name_for(text: str) -> str:
    """A readable attribute name for a scope or variable name: `d_h0/Matrix` -> `d_h0_matrix`."""
    cleaned = re.sub(r"%[-#0 +]*\d*(?:\.\d+)?[sdifrx]|\{[^}]*\}", "", text)
    cleaned = re.sub(r"[^A-Za-z0-9_]+", "_", cleaned).strip("_")
    cleaned = re.sub(r"_+", "_", cleaned)
    if not cleaned:
        cleaned = "var"
    if cleaned[0].isdigit():
        cleaned = f"v_{cleaned}"
    cleaned = cleaned if cleaned.islower() else _snake(cleaned)
    if keyword.iskeyword(cleaned) or cleaned in RESERVED_ATTRS:
        cleaned += "_"
    return cleaned


def _snake(text: str) -> str:
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return text.lower()


def snake_case(text: str) -> str:
    return attr_name_for(text)


class NameAllocator:
    """Hands out unique identifiers within one namespace (a class body, a module)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken = set(taken or ())

    def take(self, base: str) -> str:
        name, i = base, 2
        while name in self.taken:
            name = f"{base}_{i}"
            i += 1
        self.taken.add(name)
        return name


def literal_string(expr: cst.BaseExpression | None) -> str | None:
    """The value of a plain string literal (no f-string, no concatenation), else None."""
    if isinstance(expr, cst.SimpleString):
        value = expr.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(expr, cst.ConcatenatedString):
        left, right = literal_string(expr.left), literal_string(expr.right)
        if left is not None and right is not None:
            return left + right
    return None


def pattern_text(expr: cst.BaseExpression) -> str:
    """The literal skeleton of a dynamic name (`'h%d' % i` -> 'h%d', f'h{i}' -> 'h{i}')."""
    if isinstance(expr, cst.BinaryOperation):
        return pattern_text(expr.left)
    if isinstance(expr, cst.FormattedString):
        out = []
        for part in expr.parts:
            if isinstance(part, cst.FormattedStringText):
                out.append(part.value)
            else:
                out.append("{}")
        return "".join(out)
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "format":
        return pattern_text(expr.func.value)
    lit = literal_string(expr)
    if lit is not None:
        return lit
    if isinstance(expr, cst.Name):
        return expr.value
    return "scope"
