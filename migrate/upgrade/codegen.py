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
from libcst._position import CodePosition, CodeRange


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


def module_code(module: cst.Module, lines: "StatementLines | None" = None,
                original: cst.Module | None = None) -> str:
    """Exactly `module.code`, faster. With the `original` module parsed from `lines.source`,
    statements still the original's own objects are copied from the source instead of printed."""
    state = _FastState(default_indent=module.default_indent, default_newline=module.default_newline)
    if lines is None or lines.source is None or original is None or not _same_header(module, original):
        module._codegen(state)
        return "".join(state.tokens)
    index = {id(stmt): i for i, stmt in enumerate(original.body[:-1])}  # the last: its end is the footer's
    for line in module.header:
        line._codegen(state)
    for stmt in module.body:
        i = index.get(id(stmt))
        if i is None:
            stmt._codegen(state)
        else:
            state.tokens.append(lines.text_of(i))
    for line in module.footer:
        line._codegen(state)
    if module.has_trailing_newline:  # as libcst's Module._codegen_impl
        if not state.tokens:
            state.add_token(state.default_newline)
    else:
        state.pop_trailing_newline()
    return "".join(state.tokens)


class _AllFound(Exception):
    """Every target is placed: the rest of the text is not needed (printing stops)."""


class _PositionState(CodegenState):
    """Codegen that records the (line, column) where each target node starts. Lines and
    columns are counted from the tokens printed so far only when a target is reached; printing
    stops at the last target (positions depend only on the text before a node)."""

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
            if len(self.positions) == len(self.targets):
                raise _AllFound
        return _NULL


def start_positions(module: cst.Module, nodes: set[int]) -> dict[int, tuple[int, int]]:
    """(line, column) of the start of each node of `module` whose id is in `nodes`."""
    state = _PositionState(module, nodes)
    try:
        module._codegen(state)
    except _AllFound:
        pass
    return state.positions


_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class StatementLines:
    """Where each top-level statement of a module starts in the text it was parsed from (its
    leading blank and comment lines included), so positions inside one statement need only
    that statement printed."""

    source: str | None  # None: lines of a module derived from the parsed one (`derived_lines`)
    starts: tuple[int, ...]  # 1-based line of each statement of module.body
    # derived lines only: the parsed module's lines, and for each statement the index of the
    # parsed statement it still is (the same object), or -1 for a statement the codemod made
    origin: "StatementLines | None" = None
    kept: tuple[int, ...] = ()

    def line_offset(self, line: int) -> int:
        offsets = self.__dict__.get("_offsets")
        if offsets is None:
            offsets = [0] + [m.end() for m in _NEWLINE.finditer(self.source or "")]
            object.__setattr__(self, "_offsets", offsets)
        return offsets[line - 1] if 0 < line <= len(offsets) else -1

    def text_of(self, index: int) -> str:
        """The source text of statement `index` (not the last one): up to where the next starts."""
        assert self.source is not None
        return self.source[self.line_offset(self.starts[index]):self.line_offset(self.starts[index + 1])]


def statement_lines(module: cst.Module, tree: ast.Module, source: str) -> StatementLines | None:
    """Pair libcst's top-level statements with the ast's (a `a; b` line is one libcst statement
    and two ast ones); None if they do not pair up."""
    starts: list[int] = []
    code_lines: list[tuple[int, int]] = []  # first and last line of each statement's code
    stmts = iter(tree.body)
    try:
        for stmt in module.body:
            first = last = next(stmts)
            if isinstance(stmt, cst.SimpleStatementLine):
                for _ in stmt.body[1:]:
                    last = next(stmts)
            line = first.lineno
            decorators = getattr(first, "decorator_list", None)
            if decorators and isinstance(stmt, (cst.FunctionDef, cst.ClassDef)) and stmt.decorators:
                line = decorators[0].lineno
                starts.append(line - len(stmt.decorators[0].leading_lines) - len(stmt.leading_lines))
            else:
                starts.append(line - len(stmt.leading_lines))
            code_lines.append((line, last.end_lineno or line))
    except StopIteration:
        return None
    if next(stmts, None) is not None:
        return None
    # Each statement's code lies between its start and the next statement's start.
    for i, (first_line, last_line) in enumerate(code_lines):
        if starts[i] < 1 or starts[i] > first_line or (i + 1 < len(starts) and starts[i + 1] <= last_line):
            return None
    return StatementLines(source, tuple(starts))


def _same_header(module: cst.Module, original: cst.Module) -> bool:
    """libcst's own visit rebuilds the header's nodes: compare them by value."""
    a, b = module.header, original.header
    return a is b or (len(a) == len(b) and all(x is y or x.deep_equals(y) for x, y in zip(a, b)))


def derived_lines(lines: StatementLines, original: cst.Module, derived: cst.Module) -> StatementLines | None:
    """Statement starts of a module made from `original` (its statements partly kept as the same
    objects): kept ones take their line count from the source, new ones are printed to count."""
    if not _same_header(derived, original) or not original.body:
        return None
    index = {id(stmt): i for i, stmt in enumerate(original.body[:-1])}
    line = lines.starts[0]
    starts: list[int] = []
    kept: list[int] = []
    for stmt in derived.body:
        starts.append(line)
        i = index.get(id(stmt))
        kept.append(-1 if i is None else i)
        if i is not None:
            line += lines.starts[i + 1] - lines.starts[i]
        else:
            state = _FastState(default_indent=derived.default_indent, default_newline=derived.default_newline)
            stmt._codegen(state)
            line += len(_NEWLINE.findall("".join(state.tokens)))
    return StatementLines(None, tuple(starts), lines, tuple(kept))


def statement_positions(module: cst.Module, lines: StatementLines, by_statement: dict[int, set[int]],
                        stop_when_found: bool = False) -> dict[int, tuple[int, int]] | None:
    """`start_positions` printing only the statements that hold the nodes (`by_statement`:
    statement index -> node ids). None if a printed statement is not where `lines` says
    (the caller then prints the whole module). `stop_when_found`: the statements are where the
    nodes may be (each node is in one of them at most): later ones look only for the nodes not
    placed yet, and none is printed once all are."""
    positions: dict[int, tuple[int, int]] = {}
    for index, nodes in sorted(by_statement.items()):
        if stop_when_found:
            nodes = nodes - positions.keys()
            if not nodes:
                break
        start = lines.starts[index]
        state = _PositionState(module, nodes)
        state.line = start
        try:
            module.body[index]._codegen(state)
            complete = True
        except _AllFound:  # printed up to its last node: that much must be the source's text
            complete = False
        if lines.source is not None:
            text = "".join(state.tokens)
            offset = lines.line_offset(start)
            if offset < 0 or not (_matches(lines.source, offset, text) if complete
                                  else lines.source.startswith(text, offset)):
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


class _Recorded:
    """`record_syntactic_position` as a plain context manager (libcst's is a generator: most of
    PositionProvider's time); on exit it stores the node's range exactly as libcst does."""

    __slots__ = ("state", "node", "start_node", "end_node", "start")

    def __init__(self, state: "_AllPositionsState", node, start_node, end_node) -> None:
        self.state, self.node, self.start_node, self.end_node = state, node, start_node, end_node
        self.start = CodePosition(state.line, state.column)

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        state = self.state
        computed = state.computed
        start = computed[self.start_node].start if self.start_node is not None else self.start
        end = computed[self.end_node].end if self.end_node is not None \
            else CodePosition(state.line, state.column)
        computed[self.node] = CodeRange(start, end)


class _AllPositionsState(CodegenState):
    """libcst's PositionProvidingCodegenState, with the same results, faster: tokens without a
    line break (nearly all) only move the column, and the syntactic ranges use `_Recorded`."""

    def __init__(self, module: cst.Module) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.computed: dict[cst.CSTNode, CodeRange] = {}
        self.line, self.column = 1, 0
        self._stack: list[CodePosition] = []

    def add_indent_tokens(self) -> None:
        self.tokens.extend(self.indent_tokens)
        for token in self.indent_tokens:
            self._update(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        self._update(value)

    def _update(self, value: str) -> None:
        if "\n" not in value and "\r" not in value:
            self.column += len(value)
            return
        segments = _NEWLINE.split(value)
        self.line += len(segments) - 1
        self.column = len(segments[-1])

    def before_codegen(self, node: cst.CSTNode) -> None:
        self._stack.append(CodePosition(self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self._stack.pop()
        if node not in self.computed:
            self.computed[node] = CodeRange(start, CodePosition(self.line, self.column))

    def record_syntactic_position(self, node, *, start_node=None, end_node=None):  # type: ignore[override]
        return _Recorded(self, node, start_node, end_node)


def all_positions(module: cst.Module) -> dict[cst.CSTNode, CodeRange]:
    """What `MetadataWrapper(module).resolve(PositionProvider)` gives, in about half the time
    (tests/test_positions_fast.py compares the two on every golden input)."""
    state = _AllPositionsState(module)
    module._codegen(state)
    return state.computed
