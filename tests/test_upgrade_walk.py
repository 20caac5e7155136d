"""migrate.upgrade.walk drives visitors like libcst's node.visit (same callbacks, same order,
same result), and migrate.upgrade.codegen prints like Module.code."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import libcst as cst
import pytest

from migrate.upgrade.codegen import derived_lines, module_code, start_positions, statement_lines
from migrate.upgrade.walk import LEAVES, fields_of, walk

SOURCE = '''\
"""doc"""
import tensorflow as tf
from a.b import (c as d, e)

@deco(1, *args, key=f"{x!r:>{w}}")
class K(Base, metaclass=M):
    def f(self, a: int = 1, *b, c, **d) -> "T":
        with tf.variable_scope("s") as vs, open(p) as fh:
            x = [i for i in range(3) if i] + {k: v for k, v in y.items()}
            y: int = lambda q, *r: (q, r)
            del x[1:2, ::3], z.w
            global g
            return (yield from gen()) if x else await w
        try:
            pass
        except (A, B) as e:
            raise C from e
        else:
            x @= ~y ** -z
        finally:
            assert a is not b, "m"
    async def g(self):
        async for i in aiter():
            async with lock:
                print(i, sep="", end="\\r\\n")
        match cmd:
            case [Point(x=0, y=0), *rest] | {"k": _} if rest:
                pass
while not a and b or c in d: break
else: continue
x = 1; y = 2 # comment
'''


def _recorder(transformer: bool):
    types = [t for t in (getattr(cst, n) for n in dir(cst))
             if isinstance(t, type) and issubclass(t, cst.CSTNode) and not inspect.isabstract(t)
             and t not in LEAVES]
    ns = {}

    def mk(tag, leave):
        def f(self, node, *rest):
            self.log.append((tag, id(node)))
            return rest[0] if leave and transformer and rest else None
        return f

    for t in types:
        ns[f"visit_{t.__name__}"] = mk("v" + t.__name__, False)
        ns[f"leave_{t.__name__}"] = mk("l" + t.__name__, True)
        for field, _ in fields_of(t):
            ns[f"visit_{t.__name__}_{field}"] = mk(f"va{t.__name__}.{field}", False)
            ns[f"leave_{t.__name__}_{field}"] = mk(f"la{t.__name__}.{field}", False)
    base = cst.CSTTransformer if transformer else cst.CSTVisitor
    return type("Recorder", (base,), ns)


@pytest.mark.parametrize("transformer", [False, True])
def test_same_callbacks_in_the_same_order(transformer: bool) -> None:
    module = cst.parse_module(SOURCE)
    cls = _recorder(transformer)
    a, b = cls(), cls()
    a.log, b.log = [], []
    module.visit(a)
    out = walk(module, b)
    assert a.log == b.log and len(a.log) > 500
    assert out.code == SOURCE


class _Renamer(cst.CSTTransformer):
    def leave_Name(self, original_node, updated_node):
        return updated_node.with_changes(value="tf2") if updated_node.value == "tf" else updated_node

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if "global" in cst.Module([]).code_for_node(original_node):
            return cst.RemoveFromParent()
        if "del " in cst.Module([]).code_for_node(original_node):
            return cst.FlattenSentinel([updated_node, cst.parse_statement("pass\n")])
        return updated_node


def test_transform_result_matches_libcst() -> None:
    module = cst.parse_module(SOURCE)
    assert walk(module, _Renamer()).code == module.visit(_Renamer()).code


def test_unchanged_subtrees_keep_their_identity() -> None:
    module = cst.parse_module(SOURCE)
    assert walk(module, cst.CSTTransformer()) is module


def test_refuses_callbacks_it_would_not_call() -> None:
    class Bad(cst.CSTVisitor):
        def visit_Comma(self, node) -> None:
            pass

    with pytest.raises(TypeError):
        walk(cst.parse_module("a, b\n"), Bad())


@pytest.mark.parametrize("text", [SOURCE, "x = 1\r\ny = 2\r\n", "a\rb = (1,\r 2)\r", ""])
def test_codegen(text: str) -> None:
    module = cst.parse_module(text)
    assert module_code(module) == module.code
    names = [n for n in _all(module) if isinstance(n, (cst.Name, cst.Integer))]
    from libcst.metadata import MetadataWrapper, PositionProvider

    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    expected = {id(n): (p.start.line, p.start.column)
                for n, p in wrapper.resolve(PositionProvider).items() if n in names}
    assert start_positions(module, {id(n) for n in names}) == expected


def _all(node: cst.CSTNode):
    yield node
    for child in node.children:
        yield from _all(child)


_TRICKY = '''\
#!/usr/bin/env python
# header comment

"""Docstring."""
import os; import sys


# comment before a decorated function
@property
# between decorator and def
def f():
    return 1
    # indented trailing comment

# comment before a class
@dataclass(
    frozen=True)
class A:  # trailing
    x = (1,
         2)
if True:
    pass
else:
    y = 3 \\
        + 4
z = 5  # the last statement, no newline'''

_FILES = [p for pattern in ("tests/golden/*/*/input.py", "examples/legacy/*.py")
          for p in sorted(Path(__file__).resolve().parent.parent.glob(pattern))]


@pytest.mark.parametrize("text", [_TRICKY, _TRICKY.replace("\n", "\r\n"), SOURCE, "x = 1\n",
                                  *[p.read_text(encoding="utf-8") for p in _FILES]])
def test_statement_slices_are_the_printed_statements(text: str) -> None:
    """Statements copied from the source (module_code's fast path) are exactly what libcst
    would print, and a module made of changed and kept statements prints the same as libcst."""
    module = cst.parse_module(text)
    lines = statement_lines(module, ast.parse(text), text)
    assert lines is not None
    for i, stmt in enumerate(module.body[:-1]):
        assert lines.text_of(i) == module.code_for_node(stmt)
    assert module_code(module, lines, module) == text
    changed = module.with_changes(body=[s.deep_clone() if i % 2 else s for i, s in enumerate(module.body)])
    assert module_code(changed, lines, module) == changed.code
    derived = derived_lines(lines, module, changed)
    assert derived is not None and derived.starts == lines.starts
    rebuilt = module.visit(cst.CSTTransformer())  # libcst's own visit: new header nodes, same text
    assert module_code(rebuilt, lines, module) == text
    assert derived_lines(lines, module, rebuilt) is not None
