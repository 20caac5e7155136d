"""`libcst.parse_module` without re-validating every node its own parser just built.

Each libcst node validates itself in `__post_init__` (libcst's source notes the cost: "it might
make more sense ... to avoid validating the tree when parsing a file"). Nodes from the parser are
valid by construction; on real TF1 files the checks are about a fifth of the parse. Nodes the
codemod builds afterwards are validated as usual.
"""

from __future__ import annotations

import libcst as cst
from libcst._nodes.base import CSTNode

_VALIDATING_POST_INIT = CSTNode.__post_init__


def _built_by_the_parser(self: CSTNode) -> None:
    return None


def parse_module(source: str) -> cst.Module:
    """`libcst.parse_module(source)`; raises `libcst.ParserSyntaxError` the same way."""
    CSTNode.__post_init__ = _built_by_the_parser  # type: ignore[method-assign]
    try:
        return cst.parse_module(source)
    finally:
        CSTNode.__post_init__ = _VALIDATING_POST_INIT  # type: ignore[method-assign]
