"""slim.repeat / slim.stack written out as the calls tf_slim makes (migrate/codemod/slim_repeat.py):
`repeat(net, 2, slim.conv2d, 64, [3, 3], scope="conv1")` is `variable_scope("conv1")` around
`conv2d(..., scope="conv1_1")`, `conv2d(..., scope="conv1_2")` (verified with tf_slim in graph mode;
the golden case implicit/slim_repeat_stack is proven by the checker)."""

from __future__ import annotations

import pytest

from migrate.codemod.layer_objects import resolve_layer_objects
from migrate.transform import transform_source

_HEAD = "import tensorflow as tf\nslim = tf.contrib.slim\n\n\ndef tower(net, depth=2):\n"


def test_repeat_and_stack_are_written_out() -> None:
    out = resolve_layer_objects(_HEAD + '''    net = slim.repeat(net, 2, slim.conv2d, 64, [3, 3], scope="conv1")
    net = slim.stack(net, slim.fully_connected, [32, (16, tf.nn.tanh)], scope="fc")
    return net
''').source
    assert '''    with tf.variable_scope("conv1"):
        net = slim.conv2d(net, 64, [3, 3], scope="conv1_1")
        net = slim.conv2d(net, 64, [3, 3], scope="conv1_2")
    with tf.variable_scope("fc"):
        net = slim.fully_connected(net, 32, scope="fc_1")
        net = slim.fully_connected(net, 16, tf.nn.tanh, scope="fc_2")
''' in out


@pytest.mark.parametrize("call", [
    'slim.repeat(net, 2, slim.conv2d, 64, [3, 3])',  # no scope: tf_slim names it from the layer
    'slim.repeat(net, depth, slim.conv2d, 64, [3, 3], scope="conv1")',  # count known at run time
    'slim.repeat(net, 2, my_conv, 64, scope="conv1")',  # a user function: its scope may mean anything
    'slim.repeat(net, 2, slim.conv2d, out.shape[-1], [3, 3], scope="conv1")',  # reads the target
    'slim.repeat(net, 2, slim.conv2d, pick(64), [3, 3], scope="conv1")',  # user code, run once in TF1
    'slim.stack(net, slim.conv2d, sizes, scope="conv2")',  # a list known at run time
])
def test_undecidable_calls_stay(call: str) -> None:
    source = _HEAD + f"    out = {call}\n    return out\n"
    assert resolve_layer_objects(source).source == source


def test_the_function_converts() -> None:
    out = transform_source(_HEAD + '''    with tf.variable_scope("tower"):
        net = slim.repeat(net, 2, slim.conv2d, 8, [3, 3], scope="conv1")
        net = slim.stack(net, slim.conv2d, [(12, [3, 3]), (6, [1, 1])], scope="conv2")
        return net
''', "m.py")
    assert [f.legacy_name for f in out.functions] == ["tower"]
    assert 'ContribConv2D(name="conv1_2")' in out.code and 'ContribConv2D(name="conv2_2")' in out.code
