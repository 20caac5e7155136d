"""A scope-less helper passing its own name=None on to a default_name layer (t2t's
common_layers.dense): TF1 names each call anew (linear, linear_1); one shared module keyed by
None would silently share the weights. Each unnamed call passes its TF1 name explicitly; a call
site that runs several times in one scope (a loop) is refused."""

from __future__ import annotations

from migrate.transform import transform_source

_HELPERS = '''import tensorflow as tf


def linear(x, units, name=None):
    with tf.variable_scope(name, default_name="linear"):
        w = tf.get_variable("w", [x.get_shape()[-1], units])
        return tf.matmul(x, w)


def dense(x, units, name=None):
    return linear(x, units, name=name)

'''


def test_unnamed_calls_in_one_scope_pass_their_tf1_names() -> None:
    # TF1 named the two layers linear and linear_1 (the default uniquified in "net"); the
    # helper's module keys its layers by name, so each call passes its TF1 name explicitly.
    out = transform_source(_HELPERS + '''
def net(h):
    with tf.variable_scope("net"):
        return dense(dense(h, 6), 6)
''', "h.py")
    assert {f.class_name for f in out.functions} >= {"Dense", "Net"}
    assert "self.dense(self.dense(h, 6, name='linear'), 6, name='linear_1')" in out.code


def test_unnamed_calls_in_a_loop_are_refused() -> None:
    # one call site, a new TF1 layer per pass (linear, linear_1, ...): not static
    out = transform_source(_HELPERS + '''
def net(h):
    with tf.variable_scope("net"):
        for _ in range(2):
            h = dense(h, 6)
        return h
''', "h.py")
    assert not out.functions
    assert any(d.code == "dynamic-scope" for d in out.diagnostics)


def test_contrib_layer_norm_helper_twice_in_one_scope() -> None:
    out = transform_source('''import tensorflow as tf


def layer_norm(input_tensor, name=None):
    return tf.contrib.layers.layer_norm(inputs=input_tensor, begin_norm_axis=-1, scope=name)


def block(x):
    with tf.variable_scope("block"):
        return layer_norm(layer_norm(x) + x)
''', "ln.py")
    assert {f.class_name for f in out.functions} >= {"Block"}
    assert "name='LayerNorm'" in out.code and "name='LayerNorm_1'" in out.code


def test_named_calls_convert() -> None:
    out = transform_source(_HELPERS + '''
def net(h):
    with tf.variable_scope("net"):
        return dense(dense(h, 6, name="fc1"), 6, name="fc2")
''', "h.py")
    assert {f.class_name for f in out.functions} >= {"Dense", "Net"}


def test_a_name_built_by_concatenation_is_never_none() -> None:
    """baselines' her nn: `name=name + '_' + str(i)` is a string (or an error), never None, so TF1
    made no dense_1: the helper converts (prove.py proved it; a stricter check had refused it)."""
    from migrate.transform import transform_source

    source = '''import tensorflow as tf


def nn(input, layers_sizes, reuse=None, name=""):
    for i, size in enumerate(layers_sizes):
        input = tf.layers.dense(inputs=input, units=size, reuse=reuse, name=name + '_' + str(i))
    return input


def q(x):
    with tf.variable_scope("Q"):
        return nn(x, [4, 1]), nn(x, [4, 1], reuse=True)
'''
    out = transform_source(source, "util.py")
    assert {f.class_name for f in out.functions} >= {"Nn"}
    assert not [d for d in out.diagnostics if d.code == "dynamic-scope"]
