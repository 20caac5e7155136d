"""Line numbers of libcst nodes made during conversion (the analysis has exact ones from ast)."""

from __future__ import annotations

import libcst as cst


class LineIndex:
    """Line numbers of nodes for diagnostics, without libcst's PositionProvider (a third of the
    codemod's time on real repositories): the node's first line of code is looked up in the
    source text. Exact for code that occurs once; otherwise the first occurrence."""

    def __init__(self, module: cst.Module, source: str | None = None) -> None:
        self._module = module
        self._source = source
        self._cache: dict[int, int] = {}

    def line(self, node: cst.CSTNode) -> int:
        key = id(node)
        if key not in self._cache:
            self._cache[key] = self._find(node)
        return self._cache[key]

    def _find(self, node: cst.CSTNode) -> int:
        if self._source is None:
            self._source = self._module.code
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            keyword = "def" if isinstance(node, cst.FunctionDef) else "class"
            needle = f"{keyword} {node.name.value}"
        else:
            text = self._module.code_for_node(node).strip()
            needle = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if not needle:
            return 0
        offset = self._source.find(needle)
        return self._source.count("\n", 0, offset) + 1 if offset >= 0 else 0
