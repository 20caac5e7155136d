"""`Module.code` without libcst's per-node generator context managers, and line/column of a
few chosen nodes without PositionProvider.

libcst's codegen enters `state.record_syntactic_position(node)` -- a `@contextmanager`
generator -- for most nodes, and its base implementation does nothing. A plain method
returning one shared no-op context manager prints the same text for about a third less.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

import libcst as cst
from libcst._nodes.internal import CodegenState


class _Null:
    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_NULL = _Null()


class _FastState(CodegenState):
    def record_syntactic_position(self, node, *, start_node=None, end_node=None):  # type: ignore[override]
        return _NULL


def module_code(module: cst.Module) -> str:
    """Exactly `module.code`, faster."""
    state = _FastState(default_indent=module.default_indent, default_newline=module.default_newline)
    module._codegen(state)
    return "".join(state.tokens)


class _PositionState(CodegenState):
    """Codegen that records the (line, column) where each target node starts. Lines and
    columns are counted from the tokens printed so far only when a target is reached."""

    def __init__(self, module: cst.Module, targets: set[int]) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.targets = targets
        self.positions: dict[int, tuple[int, int]] = {}
        self.line, self.column = 1, 0
        self._counted = 0  # tokens[:_counted] are in line/column

    def _advance(self) -> None:
        pending_tokens = self.tokens[self._counted:]
        self._counted = len(self.tokens)
        pending = "".join(pending_tokens)
        if "\r" in pending:  # a CR may end one token and an LF start the next: token by token
            for value in pending_tokens:
                self._count(value)
            return
        n = pending.count("\n")
        if n:
            self.line += n
            self.column = len(pending) - pending.rfind("\n") - 1
        else:
            self.column += len(pending)

    def _count(self, value: str) -> None:
        n = value.count("\n") + value.count("\r") - value.count("\r\n")
        if n:
            self.line += n
            self.column = len(value) - max(value.rfind("\n"), value.rfind("\r")) - 1
        else:
            self.column += len(value)

    def record_syntactic_position(self, node, *, start_node=None, end_node=None):  # type: ignore[override]
        key = id(node)
        if key in self.targets and key not in self.positions:
            self._advance()
            self.positions[key] = (self.line, self.column)
        return _NULL


def start_positions(module: cst.Module, nodes: set[int]) -> dict[int, tuple[int, int]]:
    """(line, column) of the start of each node of `module` whose id is in `nodes`."""
    state = _PositionState(module, nodes)
    module._codegen(state)
    return state.positions


_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class StatementLines:
    """Where each top-level statement of a module starts in the text it was parsed from (its
    leading blank and comment lines included), so positions inside one statement need only
    that statement printed."""

    source: str
    starts: tuple[int, ...]  # 1-based line of each statement of module.body

    def line_offset(self, line: int) -> int:
        offsets = self.__dict__.get("_offsets")
        if offsets is None:
            offsets = [0] + [m.end() for m in _NEWLINE.finditer(self.source)]
            object.__setattr__(self, "_offsets", offsets)
        return offsets[line - 1] if 0 < line <= len(offsets) else -1


def statement_lines(module: cst.Module, tree: ast.Module, source: str) -> StatementLines | None:
    """Pair libcst's top-level statements with the ast's (a `a; b` line is one libcst statement
    and two ast ones); None if they do not pair up."""
    starts: list[int] = []
    stmts = iter(tree.body)
    try:
        for stmt in module.body:
            first = next(stmts)
            if isinstance(stmt, cst.SimpleStatementLine):
                for _ in stmt.body[1:]:
                    next(stmts)
            line = first.lineno
            decorators = getattr(first, "decorator_list", None)
            if decorators and isinstance(stmt, (cst.FunctionDef, cst.ClassDef)) and stmt.decorators:
                line = decorators[0].lineno - len(stmt.decorators[0].leading_lines)
            starts.append(line - len(stmt.leading_lines))
    except StopIteration:
        return None
    if next(stmts, None) is not None:
        return None
    return StatementLines(source, tuple(starts))


def statement_positions(module: cst.Module, lines: StatementLines, by_statement: dict[int, set[int]]
                        ) -> dict[int, tuple[int, int]] | None:
    """`start_positions` printing only the statements that hold the nodes (`by_statement`:
    statement index -> node ids). None if a printed statement is not where `lines` says
    (the caller then prints the whole module)."""
    positions: dict[int, tuple[int, int]] = {}
    for index, nodes in sorted(by_statement.items()):
        start = lines.starts[index]
        state = _PositionState(module, nodes)
        state.line = start
        module.body[index]._codegen(state)
        text = "".join(state.tokens)
        offset = lines.line_offset(start)
        if offset < 0 or not _matches(lines.source, offset, text):
            return None
        positions.update(state.positions)
    return positions


def _matches(source: str, offset: int, text: str) -> bool:
    """The statement's text is the source at `offset` (the file's last statement may lack the
    newline libcst prints)."""
    if source.startswith(text, offset):
        return True
    stripped = text.rstrip("\r\n")
    return source.startswith(stripped, offset) and offset + len(stripped) == len(source)
