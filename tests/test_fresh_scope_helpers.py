"""Scope-less helpers with unnamed layers in loops, every call of which opens a fresh named
variable scope (migrate/codemod/fresh_scope_helpers.py): TF1 counted their layers from 0 at each
call (dense, dense_1, ...; again on a reusing re-entry), so the numbers are written out."""

from __future__ import annotations

import ast
import textwrap

from migrate.codemod.fresh_scope_helpers import fresh_scope_helpers
from migrate.codemod.layer_objects import resolve_layer_objects
from migrate.codemod.tfapi import collect_tf_names

_SOURCE = """
    import tensorflow as tf


    def mlp(x, depth=2):
        for _ in range(depth):
            x = tf.layers.dense(x, 6, activation=tf.nn.relu)
        return tf.layers.dense(x, 1)


    def build(real, fake):
        with tf.variable_scope("disc"):
            a = mlp(real)
        with tf.variable_scope("disc", reuse=True):
            b = mlp(tf.nn.relu(fake))
        return a, b
    """


def _helpers(source: str) -> set[str]:
    tree = ast.parse(textwrap.dedent(source))
    return fresh_scope_helpers(tree, collect_tf_names(tree), public_ok=True)


def test_every_call_in_a_fresh_named_scope_numbers_the_helper() -> None:
    assert _helpers(_SOURCE) == {"mlp"}
    out = resolve_layer_objects(textwrap.dedent(_SOURCE), "m.py").source
    assert 'name="dense" + ("_%d" % i if i else "")' in out
    assert 'tf.layers.dense(x, 1, name="dense" + ("_%d" % depth if depth else ""))' in out


def test_anything_else_in_the_block_or_a_call_elsewhere_keeps_the_caller_unknown() -> None:
    before = _SOURCE.replace("a = mlp(real)", "h = tf.layers.dense(real, 6)\n            a = mlp(h)")
    assert _helpers(before) == set()
    unknown = _SOURCE.replace("a = mlp(real)", "a = mlp(prep(real))")
    assert _helpers(unknown) == set()
    outside = _SOURCE + "\n\n    def other(x):\n        return mlp(x)\n"
    assert _helpers(outside) == set()
    name_scope = _SOURCE.replace('tf.variable_scope("disc", reuse=True)', 'tf.name_scope("disc")')
    assert _helpers(name_scope) == set()
    computed = _SOURCE.replace('tf.variable_scope("disc")', "tf.variable_scope(scope)")
    assert _helpers(computed) == set()
    as_value = _SOURCE + "\n\n    NETS = {'mlp': mlp}\n"
    assert _helpers(as_value) == set()
