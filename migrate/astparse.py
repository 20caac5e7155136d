"""`ast.parse(text)` once per text, for the stages of one file that each need the tree.

The transform parses its input; the stale-reference check, the pipeline's "does it parse" test,
the verification stage and the support-module extraction parse the input and output again: up
to five `ast.parse` calls on two texts per file, each as costly as a libcst parse of the same
file. The trees are only read (nothing in migrate mutates a parsed ast), so the stages can share
them. The memo keeps the last few texts only: memory stays bounded (one file at a time per
process), and a hit costs a string comparison (an identity check when the same str object is
passed on, as the pipeline does).

The project plan parses every file of the run in the parent process before the workers start;
it `share`s those trees, and the workers, forked from the parent, find their input's tree
already there (copy-on-write: no parse, no copy, as long as nothing writes to it; the pipeline
freezes the parent's objects out of the garbage collector's reach before forking).
"""

from __future__ import annotations

import ast

_KEEP = 4  # input, output, and what a rewrite of the output makes of it
_recent: list[tuple[str, ast.Module]] = []
_shared: dict[str, ast.Module] = {}  # the project plan's trees, by text


def parse(text: str) -> ast.Module:
    """`ast.parse(text)` (same exceptions); the tree must be treated as read-only."""
    for i, (seen, tree) in enumerate(_recent):
        if seen is text or (len(seen) == len(text) and seen == text):
            if i:
                _recent.insert(0, _recent.pop(i))
            return tree
    tree = _shared.get(text)
    if tree is not None:
        return tree
    tree = ast.parse(text)
    _recent.insert(0, (text, tree))
    del _recent[_KEEP:]
    return tree


def share(text: str, tree: ast.Module) -> None:
    """Keep `tree` (parsed from `text`, never to be changed) for the rest of the run."""
    _shared[text] = tree


def forget_shared() -> None:
    _shared.clear()


def forget() -> None:
    """Drop the memo (between files in a worker: the trees of the last file are not needed)."""
    _recent.clear()
