"""The fast paths of diagnostic positions and parsing give exactly what the slow ones did:
positions printed only up to the last node, nodes of kept statements placed in the original by
a line shift (no print of the original module), and ast trees shared between the stages."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import libcst as cst
import pytest

from migrate import astparse
from migrate.upgrade.codegen import derived_lines, start_positions, statement_lines, statement_positions
from migrate.upgrade.origin import original_positions
from migrate.upgrade.transformer import _kept_positions

_ROOT = Path(__file__).resolve().parent.parent
_FILES = [p for pattern in ("tests/golden/*/*/input.py", "examples/legacy/*.py")
          for p in sorted(_ROOT.glob(pattern))]
_TEXTS = [p.read_text(encoding="utf-8") for p in _FILES]


def _nodes(node: cst.CSTNode):
    yield node
    for child in node.children:
        yield from _nodes(child)


def _full_positions(module: cst.Module, targets: set[int]) -> dict[int, tuple[int, int]]:
    """The reference: the whole module printed, with libcst's own position metadata."""
    from libcst.metadata import MetadataWrapper, PositionProvider

    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    return {id(n): (p.start.line, p.start.column) for n, p in wrapper.resolve(PositionProvider).items()
            if id(n) in targets}


@pytest.mark.parametrize("index", range(0, len(_TEXTS), 3))
def test_printing_stops_at_the_last_node_with_the_same_positions(index: int) -> None:
    text = _TEXTS[index]
    module = cst.parse_module(text)
    rng = random.Random(index)
    names = [n for n in _nodes(module) if isinstance(n, (cst.Name, cst.Call, cst.Attribute))]
    targets = {id(n) for n in rng.sample(names, min(len(names), 7))}
    expected = _full_positions(module, targets)
    assert start_positions(module, targets) == expected
    lines = statement_lines(module, ast.parse(text), text)
    assert lines is not None
    by_statement: dict[int, set[int]] = {}
    for i, stmt in enumerate(module.body):
        inside = {id(n) for n in _nodes(stmt)} & targets
        if inside:
            by_statement[i] = inside
    assert statement_positions(module, lines, by_statement) == expected
    assert statement_positions(module, lines, {i: set(targets) for i in range(len(module.body))},
                               stop_when_found=True) == expected


def _derive(module: cst.Module) -> cst.Module:
    """What a structural change looks like: every other statement rebuilt (sub-nodes shared with
    the original where libcst's visit keeps them), one statement added, the rest kept as is."""
    class Rename(cst.CSTTransformer):
        def leave_Name(self, original_node, updated_node):
            return updated_node.with_changes(value=updated_node.value + "_x") if updated_node.value == "tf" else updated_node

    body = []
    for i, stmt in enumerate(module.body):
        body.append(stmt.visit(Rename()) if i % 2 else stmt)
    body.insert(1, cst.parse_statement("generated = 1\n"))
    return module.with_changes(body=body)


@pytest.mark.parametrize("index", range(1, len(_TEXTS), 3))
def test_kept_statements_are_placed_in_the_original_by_a_line_shift(index: int) -> None:
    text = _TEXTS[index]
    original = cst.parse_module(text)
    lines = statement_lines(original, ast.parse(text), text)
    assert lines is not None
    derived = _derive(original)
    dlines = derived_lines(lines, original, derived)
    assert dlines is not None and dlines.origin is lines
    rng = random.Random(index)
    candidates = [n for n in _nodes(derived) if isinstance(n, (cst.Name, cst.Call, cst.Attribute))]
    nodes = rng.sample(candidates, min(len(candidates), 12))
    by_statement: dict[int, set[int]] = {}
    for i, stmt in enumerate(derived.body):
        inside = {id(n) for n in _nodes(stmt)} & {id(n) for n in nodes}
        if inside:
            by_statement[i] = inside
    intermediate = statement_positions(derived, dlines, by_statement)
    assert intermediate is not None
    known, search = _kept_positions(intermediate, by_statement, dlines)
    fast = original_positions(nodes, intermediate, original, text, known, lines, search)
    slow = original_positions(nodes, intermediate, original, text)
    assert fast == slow


def test_ast_trees_are_shared_for_the_same_text() -> None:
    astparse.forget()
    text = "import tensorflow as tf\nx = tf.get_variable('x', [1])\n"
    tree = astparse.parse(text)
    assert astparse.parse(text) is tree
    assert astparse.parse("".join(list(text))) is tree  # an equal text, another str object
    assert ast.dump(tree) == ast.dump(ast.parse(text))
    for i in range(10):  # the memo stays small
        astparse.parse(f"y = {i}\n")
    assert astparse.parse(text) is not tree
    with pytest.raises(SyntaxError):
        astparse.parse("def (:\n")
    astparse.forget()


def test_all_positions_are_libcsts_position_provider() -> None:
    from libcst.metadata import PositionProvider

    from migrate.upgrade.codegen import all_positions

    for text in _TEXTS + ["x = 1\r\ny = (2,\r\n     3)\rz = 4\n", "def f():\n\tif x:\n\t\treturn 1  # c\n"]:
        module = cst.parse_module(text)
        expected = cst.MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        assert all_positions(module) == dict(expected)
