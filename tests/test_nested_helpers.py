"""Helper defs nested in a function that read none of its locals move to module level
(migrate/codemod/nested_helpers.py): CycleGAN's residule_block, pix2pix's create_discriminator."""

from __future__ import annotations

from pathlib import Path

from migrate.codemod.nested_helpers import hoist_nested_helpers

_BLOCK = '''import tensorflow as tf


def conv(x, name):
    with tf.variable_scope(name):
        return tf.matmul(x, tf.get_variable("w", [2, 2]))


def net(x):
    with tf.variable_scope("net"):
        def block(h, name):
            return conv(h, name + "_a") + h
        return block(block(x, "b1"), "b2")
'''


def test_a_block_reading_only_its_arguments_moves_before_its_function() -> None:
    out = hoist_nested_helpers(_BLOCK)
    assert out.regions == {"block"}
    assert out.source.index("def block(h, name):") < out.source.index("def net(x):")
    assert "        def block" not in out.source


def test_defs_that_cannot_move_stay() -> None:
    closure = _BLOCK.replace('def block(h, name):\n            return conv(h, name + "_a") + h',
                             'units = 2\n        def block(h, name):\n            return conv(h, name) * units')
    returned = _BLOCK.replace('return block(block(x, "b1"), "b2")', 'return block')
    branch = _BLOCK.replace('        def block(h, name):\n            return conv(h, name + "_a") + h\n',
                            '        if x is not None:\n            def block(h, name):\n                return h\n')
    clash = _BLOCK + '\n\ndef block():\n    pass\n'
    decorated = _BLOCK.replace("        def block", "        @staticmethod\n        def block")
    for source in (closure, returned, branch, clash, decorated):
        assert not hoist_nested_helpers(source).resolved, source


def test_a_moved_block_converts_and_one_that_creates_nothing_goes_back(tmp_path: Path, cli) -> None:
    (tmp_path / "m.py").write_text(_BLOCK + '''

def scale(x):
    def double(y):
        return y * 2
    return double(x)
''')
    out = cli("run", str(tmp_path)).output
    assert "Block" in out and "Net" in out, out
    text = (tmp_path / "m.py").read_text()
    assert "class Block(tf.Module):" in text
    assert "    def double(y):" in text  # (creates no variables: where it was)
