"""A lean driver for libcst visitors and transformers: same callbacks, same order, less work.

`node.visit(visitor)` in libcst rebuilds every node it enters (even for a read-only
`CSTVisitor`), looks callbacks up by building strings (`getattr(self, f"visit_{type}_{attr}")`)
four times per field, and descends into every whitespace, comma and operator node. On this
tool's corpus that is 80% of the upgrade stage. `walk` drives the same visitor classes:

* callbacks are resolved once per (visitor class, node type) and cached;
* subtrees that cannot hold a name (whitespace, punctuation, operators, number and plain
  string literals: `LEAVES`) are not entered -- the visitors driven here have no callbacks
  for them (`check_visitor` asserts it);
* a node is rebuilt only when one of its children was replaced (else the same object is kept);
* fields are visited in libcst's own lexical order (read from each node class's
  `_visit_and_replace_children`), so callbacks fire in the same order as `node.visit`.

Everything else is libcst's contract: `on_visit` returning False skips the children but
`leave_X` still runs, `visit_X_attr` / `leave_X_attr` surround each field, a transformer's
`leave_X(original, updated)` may return a replacement, `RemovalSentinel` drops a node from a
sequence (or an optional field) and `FlattenSentinel` splices nodes into a sequence.
"""

from __future__ import annotations

import inspect
import re
from typing import Any, Callable

import libcst as cst
from libcst import CSTNode, FlattenSentinel, MaybeSentinel, RemovalSentinel

# Node types whose whole subtree holds no Name, no expression and no statement.
LEAVES: frozenset[type] = frozenset(
    t
    for t in (getattr(cst, n) for n in dir(cst))
    if isinstance(t, type) and issubclass(t, CSTNode) and not inspect.isabstract(t)
    and (
        issubclass(t, (cst.BaseParenthesizableWhitespace, cst.BaseBinaryOp, cst.BaseBooleanOp,
                       cst.BaseCompOp, cst.BaseUnaryOp, cst.BaseAugOp))
        or t in (cst.Newline, cst.Comment, cst.EmptyLine, cst.TrailingWhitespace, cst.Comma,
                 cst.Dot, cst.Colon, cst.Semicolon, cst.AssignEqual, cst.LeftParen,
                 cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
                 cst.LeftCurlyBrace, cst.RightCurlyBrace, cst.ImportStar, cst.Integer,
                 cst.Float, cst.Imaginary, cst.SimpleString, cst.Ellipsis, cst.Pass,
                 cst.Break, cst.Continue, cst.FormattedStringText)
    )
)

_FIELD_RE = re.compile(
    r"\bvisit_(required|optional|sentinel|sequence|iterable|body_sequence|body_iterable)"
    r"\(\s*self\s*,\s*\"(\w+)\""
)
_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}
# libcst visits these only when they are not None (no attribute callbacks either).
_ONLY_IF_SET = {"format_spec"}


def fields_of(t: type) -> tuple[tuple[str, bool], ...]:
    """(field, is_body) of a node type, in the order libcst visits them. Body sequences
    (`visit_body_sequence`) drop a statement line that a visit emptied, like libcst."""
    fields = _FIELDS.get(t)
    if fields is None:
        src = inspect.getsource(t._visit_and_replace_children)
        found: dict[str, bool] = {}
        for kind, name in _FIELD_RE.findall(src):
            found.setdefault(name, kind.startswith("body_"))
        fields = _FIELDS[t] = tuple(found.items())
    return fields


def _base(cls: type) -> type:
    return cst.CSTTransformer if issubclass(cls, cst.CSTTransformer) else cst.CSTVisitor


def _callback(cls: type, name: str) -> Callable | None:
    """The class's own callback, or None where it only inherits libcst's no-op stub."""
    fn = getattr(cls, name, None)
    return None if fn is None or fn is getattr(_base(cls), name, None) else fn


class _Dispatch:
    """Callbacks of one visitor class for one node type (unbound functions, or None)."""

    __slots__ = ("visit", "leave", "fields")

    def __init__(self, cls: type, t: type) -> None:
        name = t.__name__
        self.visit = _callback(cls, f"visit_{name}")
        self.leave = _callback(cls, f"leave_{name}")
        self.fields = tuple(
            (f, body, _callback(cls, f"visit_{name}_{f}"), _callback(cls, f"leave_{name}_{f}"))
            for f, body in fields_of(t)
        )


_TABLES: dict[type, dict[type, _Dispatch]] = {}


def _table(cls: type) -> dict[type, _Dispatch]:
    table = _TABLES.get(cls)
    if table is None:
        check_visitor(cls)
        table = _TABLES[cls] = {}
    return table


def check_visitor(cls: type) -> None:
    """The visitor must not expect callbacks for node types `walk` does not enter, nor
    override libcst's generic dispatch (which `walk` bypasses)."""
    names = {t.__name__ for t in LEAVES}
    for attr in dir(cls):
        parts = attr.split("_")
        if (parts[0] in ("visit", "leave") and len(parts) > 1 and parts[1] in names
                and _callback(cls, attr) is not None):
            raise TypeError(f"{cls.__name__}.{attr}: walk() does not visit {parts[1]} nodes")
    for generic in ("on_visit", "on_leave", "on_visit_attribute", "on_leave_attribute"):
        if _callback(cls, generic) is not None:
            raise TypeError(f"{cls.__name__}.{generic} is overridden: walk() would bypass it")


def walk(node: CSTNode, visitor: cst.CSTVisitor | cst.CSTTransformer,
         after_statement: Callable[[int], None] | None = None) -> Any:
    """`node.visit(visitor)` for the visitors of this package, faster (see the module doc).

    `after_statement(i)`, for a Module: called once the i-th top-level statement was visited
    (the visitor must have no Module callbacks then)."""
    table = _table(type(visitor))
    transform = isinstance(visitor, cst.CSTTransformer)
    cls = type(visitor)

    def visit(n: CSTNode) -> Any:
        t = type(n)
        d = table.get(t)
        if d is None:
            d = table[t] = _Dispatch(cls, t)
        go = True
        if d.visit is not None:
            go = d.visit(visitor, n) is not False
        updated = n
        if go:
            changes: dict[str, Any] | None = None
            for f, body, before, after in d.fields:
                value = getattr(n, f)
                if value is None and f in _ONLY_IF_SET:
                    continue
                if before is not None:
                    before(visitor, n)
                kind = _KINDS.get(type(value)) or _kind(type(value))
                if kind is _NODE:
                    new = visit(value)
                    if new is not value:
                        if changes is None:
                            changes = {}
                        changes[f] = _single(n, f, new)
                elif kind is _SEQUENCE:
                    new_seq = _sequence(value, visit, body)
                    if new_seq is not None:
                        if changes is None:
                            changes = {}
                        changes[f] = new_seq
                if after is not None:
                    after(visitor, n)
            if changes:
                updated = n.with_changes(**changes)
        if d.leave is None:
            return updated
        if transform:
            return d.leave(visitor, n, updated)
        d.leave(visitor, n)
        return n

    if after_statement is not None and isinstance(node, cst.Module):
        d = _Dispatch(cls, cst.Module)
        assert d.visit is None and d.leave is None and not any(f[2] or f[3] for f in d.fields)
        index = iter(range(len(node.body)))

        def visit_statement(n: CSTNode) -> Any:
            result = visit(n)
            after_statement(next(index))
            return result

        try:
            body = visit_body(node.body, visit_statement)
        finally:
            del visit  # the closure refers to itself: without this, a cycle only gc can free
        return node if body is None else node.with_changes(body=body)
    try:
        return visit(node)
    finally:
        del visit


# What a field's value is, by its type (cached: an isinstance check against libcst's abstract
# CSTNode costs more than the walk's own work per field).
_NODE, _SEQUENCE, _NOTHING = "node", "sequence", "nothing"
_KINDS: dict[type, str] = {}


def _kind(t: type) -> str:
    if t is type(None) or issubclass(t, MaybeSentinel) or t in LEAVES:
        kind = _NOTHING
    elif issubclass(t, CSTNode):
        kind = _NODE
    else:
        kind = _SEQUENCE
    _KINDS[t] = kind
    return kind


def _single(parent: CSTNode, field: str, new: Any) -> Any:
    if isinstance(new, RemovalSentinel):
        default = type(parent).__dataclass_fields__[field].default
        if default is None or isinstance(default, MaybeSentinel):
            return default
        raise TypeError(f"{type(parent).__name__}.{field} cannot be removed")
    if isinstance(new, FlattenSentinel):
        raise TypeError(f"{type(parent).__name__}.{field} cannot be replaced by a sequence")
    return new


def visit_body(statements, visit: Callable[[CSTNode], Any]) -> tuple | None:
    """A statement list visited one statement at a time by `visit`, with libcst's rules for
    removed and flattened statements; None when every statement came back as the same object."""
    return _sequence(statements, visit, True)


def _sequence(children, visit: Callable[[CSTNode], Any], body: bool) -> tuple | None:
    """The visited sequence, or None when every child came back as the same object."""
    out: list | None = None
    for i, child in enumerate(children):
        new = child if type(child) in LEAVES else visit(child)
        if out is None:
            if new is child:
                continue
            out = list(children[:i])
        if isinstance(new, RemovalSentinel):
            continue
        news = new if isinstance(new, FlattenSentinel) else (new,)
        for n in news:
            if body and not child._is_removable() and n._is_removable():
                continue
            out.append(n)
    return None if out is None else tuple(out)
