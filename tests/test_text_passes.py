"""migrate/codemod/text_passes.py: the arg_scope and layer-object passes computed once per text.
The cheap entry tests must never skip a text the full passes would change or comment on."""

import textwrap

import pytest

from migrate.codemod import text_passes
from migrate.codemod.arg_scopes import resolve_arg_scopes
from migrate.codemod.layer_objects import resolve_layer_objects

_CASES = {
    "slim arg_scope": """
        import tensorflow as tf
        slim = tf.contrib.slim

        def net(x):
            with tf.contrib.slim.arg_scope([tf.contrib.slim.conv2d], padding="SAME"):
                return tf.contrib.slim.conv2d(x, 8, 3)
        """,
    "arg_scope imported under another name": """
        from tensorflow.contrib.framework import arg_scope as defaults
        from tensorflow.contrib import layers

        def net(x):
            with defaults([layers.conv2d], padding="SAME"):
                return layers.conv2d(x, 8, 3)
        """,
    "arg_scope only decorated": """
        import tensorflow as tf
        from tensorflow.contrib.framework import add_arg_scope

        @add_arg_scope
        def conv(x, width, padding="SAME"):
            with tf.variable_scope("conv"):
                return x
        """,
    "arg_scope that is not TensorFlow's": """
        import tensorflow as tf
        import mylib

        def net(x):
            with mylib.arg_scope(x):
                return tf.identity(x)
        """,
    "local layer object": """
        import tensorflow as tf

        def block(x):
            conv = tf.layers.Conv2D(16, 3, name="c")
            return conv(x)
        """,
    "layer object kept on self": """
        import tensorflow as tf

        class Net:
            def __init__(self):
                self.dense = tf.layers.Dense(4, name="out")

            def __call__(self, x):
                return self.dense(x)
        """,
    "list of layer objects": """
        from tensorflow import layers

        class Tower:
            def __init__(self, sizes):
                self.hidden = [layers.Dense(n) for n in sizes]

            def __call__(self, x):
                for layer in self.hidden:
                    x = layer(x)
                return x
        """,
    "sonnet's own Conv2D": """
        import tensorflow as tf
        import sonnet as snt

        def tower(x):
            conv = snt.Conv2D(16, 3)
            return tf.nn.relu(conv(x))
        """,
    "no TensorFlow import": """
        import keras

        def tower(x):
            dense = keras.layers.Dense(3)
            return dense(x)
        """,
    "RNN cell called directly": """
        import tensorflow as tf

        def unroll(xs):
            cell = tf.nn.rnn_cell.LSTMCell(8)
            state = cell.zero_state(2, tf.float32)
            for x in xs:
                out, state = cell(x, state)
            return out
        """,
    "does not parse": "def broken(:\n    Dense(\n    arg_scope\n",
}


def _same(fast, slow) -> None:
    assert (fast.source, fast.diagnostics, fast.resolved, fast.regions) == \
        (slow.source, slow.diagnostics, slow.resolved, slow.regions)


@pytest.mark.parametrize("name", sorted(_CASES))
def test_entry_tests_agree_with_the_full_passes(name):
    source = textwrap.dedent(_CASES[name])
    _same(text_passes.arg_scopes(source, "m.py"), resolve_arg_scopes(source, "m.py"))
    _same(text_passes.layer_objects(source, "m.py"), resolve_layer_objects(source, "m.py"))


def test_the_planners_result_serves_the_transform_with_its_path():
    text_passes.forget()
    source = textwrap.dedent(_CASES["local layer object"])
    planned = text_passes.layer_objects(source, remember=True)
    assert planned.resolved and all(d.path == "<string>" for d in planned.diagnostics)
    first = text_passes.layer_objects(source, "pkg/m.py")
    _same(first, resolve_layer_objects(source, "pkg/m.py"))
    first.diagnostics.clear()  # callers may change their copy (transform_with_layer_objects does)
    first.regions.clear()
    _same(text_passes.layer_objects(source, "pkg/m.py"), resolve_layer_objects(source, "pkg/m.py"))
    text_passes.forget()


def test_only_the_planner_stores():
    text_passes.forget()
    source = textwrap.dedent(_CASES["slim arg_scope"])
    text_passes.arg_scopes(source, "m.py")
    assert not text_passes._results
    text_passes.arg_scopes(source, remember=True)
    assert len(text_passes._results) == 1
    text_passes.forget()


@pytest.mark.parametrize("name", sorted(_CASES))
def test_a_remembered_text_gets_the_same_result_without_its_entry_test(name, monkeypatch):
    """The planner (or the pool, text_passes.precompute) keeps texts the entry tests turned away
    too: the transforms' later calls on them only look them up, and get what the passes give."""
    text_passes.forget()
    source = textwrap.dedent(_CASES[name])
    planned = text_passes.layer_objects(text_passes.arg_scopes(source, remember=True).source, remember=True)
    assert len(text_passes._results) == 2
    calls = []
    monkeypatch.setattr(text_passes, "_may_hold_arg_scope_block", lambda s: calls.append(s) or True)
    monkeypatch.setattr(text_passes, "_may_hold_layer_object", lambda s: calls.append(s) or True)
    _same(text_passes.arg_scopes(source, "m.py"), resolve_arg_scopes(source, "m.py"))
    scoped = resolve_arg_scopes(source).source
    _same(text_passes.layer_objects(scoped, "m.py"), resolve_layer_objects(scoped, "m.py"))
    assert planned.source == resolve_layer_objects(scoped).source
    assert not calls
    text_passes.forget()


def test_unroll_scans_only_functions_with_a_list_comprehension(monkeypatch):
    import libcst as cst

    from migrate.codemod import comprehension_loops
    from migrate.codemod.tfapi import collect_tf_names

    source = textwrap.dedent("""
        import tensorflow as tf

        def plain(x):
            return tf.layers.dense(x, 4, name="d")

        def bank(x):
            return tf.concat([tf.layers.dense(x, 1, name="h%d" % i) for i in range(3)], -1)
        """)
    import ast

    module = cst.parse_module(source)
    functions = [(f.name.value, f, None) for f in module.body if isinstance(f, cst.FunctionDef)]
    scanned = []
    real = comprehension_loops._unroll_function
    monkeypatch.setattr(comprehension_loops, "_unroll_function",
                        lambda function, *a: scanned.append(function.name.value) or real(function, *a))
    new, regions = comprehension_loops.unroll(module, collect_tf_names(ast.parse(source)), functions,
                                              frozenset({"layers.dense"}))
    assert scanned == ["bank"] and regions == {"bank"}
    assert "for i in range(3):" in new.code and "return tf.layers.dense(x, 4" in new.code
