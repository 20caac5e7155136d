"""Positions of upgrade-stage diagnostics in the *original* file, not in the text the
structural stage made of it (whose lines a user never sees: `dcgan.py:125` in a 120-line file).

A reported node is placed, in order of preference:
1. where it is in the original module, when it is still one of the original's own objects
   (code the structural stage left alone: refused functions, untouched statements);
2. else at the first occurrence of its text in the original source (the codemod reprints
   the code it keeps: the same tokens) that no other node holds yet, nodes taken in their
   order in the intermediate text (all held: the first, the same code twice, as a def kept
   beside its class); for a call, its callee's text is tried next;
3. else (code the structural stage generated, e.g. get_variable's implicit glorot default made
   explicit: no token of the file) its position in the intermediate text, clamped into the file.
"""

from __future__ import annotations

import re
from typing import Iterable

import libcst as cst

from migrate.upgrade.codegen import StatementLines, start_positions, statement_positions

_EMPTY = cst.Module(body=[])
_NEWLINE = re.compile(r"\r\n|\r|\n")


def _occurrences(source: str, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(line, column) of every occurrence of `text` in `source` that starts a token."""
    out = []
    pattern = re.compile(r"(?<![\w.])" + re.escape(text) + (r"(?!\w)" if text[-1:].isalnum() or text[-1:] == "_" else ""))
    for m in pattern.finditer(source):
        offset = m.start()
        line = _line_of(starts, offset)
        out.append((line, offset - starts[line - 1]))
    return out


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


def _in_original(original: cst.Module, targets: set[int], known: dict[int, tuple[int, int]] | None,
                 lines: StatementLines | None, search: list[int] | None) -> dict[int, tuple[int, int]]:
    if known is None or lines is None or search is None:
        return start_positions(original, targets)
    rest = targets - known.keys()
    if not rest:
        return dict(known)
    found = statement_positions(original, lines, {i: rest for i in search}, stop_when_found=True)
    if found is None:
        return start_positions(original, targets)
    return {**known, **found}


def _texts(node: cst.CSTNode) -> Iterable[str]:
    yield _EMPTY.code_for_node(node).strip()
    if isinstance(node, cst.Call):
        yield _EMPTY.code_for_node(node.func).strip()


def original_positions(nodes: list[cst.CSTNode], intermediate: dict[int, tuple[int, int]],
                       original: cst.Module, source: str, known: dict[int, tuple[int, int]] | None = None,
                       lines: StatementLines | None = None, search: list[int] | None = None,
                       ) -> dict[int, tuple[int, int]]:
    """(line, column) in `source` (the text `original` was parsed from) of each node, by id.

    `known`: nodes already placed in the original (inside statements the structural stage kept
    as they were); the others are looked for in the original statements `search` only (by
    `lines`, the original's statement lines), else in the whole original module."""
    targets = {id(n) for n in nodes}
    positions = _in_original(original, targets, known, lines, search)
    starts = [0] + [m.end() for m in _NEWLINE.finditer(source)]
    n_lines = len(starts) if not source.endswith(("\n", "\r")) else len(starts) - 1
    taken = set(positions.values())
    pending = sorted((n for n in nodes if id(n) not in positions),
                     key=lambda n: intermediate.get(id(n), (0, 0)))
    for node in pending:
        for text in _texts(node):
            if not text or "\n" in text:
                continue
            found = _occurrences(source, text, starts)
            free = [p for p in found if p not in taken]
            if free:
                positions[id(node)] = free[0]
                taken.add(free[0])
                break
            if found:  # every occurrence held: the same code twice (a def kept beside its class)
                positions[id(node)] = found[0]
                break
        else:  # generated code (no token in the file): at least a place inside the file
            line, column = intermediate.get(id(node), (1, 0))
            line = max(1, min(line, n_lines))
            text = source[starts[line - 1]:starts[line] if line < len(starts) else len(source)]
            positions[id(node)] = (line, min(column, len(text.rstrip("\r\n"))))
    return positions
