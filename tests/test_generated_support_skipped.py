"""A second run over a file whose layer support was inlined (`_tf1_variable`, `_Convolution`,
ContribConv2D) analyses only the user's code (P's H16: it reported refusals of migrate's own
generated code, with "next steps")."""

from __future__ import annotations

import ast

from migrate.support_module import generated_defs
from migrate.transform import transform_source

_OPS = '''import tensorflow as tf
import tensorflow.contrib.slim as slim


def conv2d(input_, output_dim, ks=4, s=2, stddev=0.02, padding='SAME', name="conv2d"):
    with tf.variable_scope(name):
        return slim.conv2d(input_, output_dim, ks, s, padding=padding, activation_fn=None,
                           weights_initializer=tf.truncated_normal_initializer(stddev=stddev),
                           biases_initializer=None)


def dense(x, units, name="fc"):
    with tf.variable_scope(name):
        return tf.layers.dense(x, units)
'''


def test_a_second_run_reports_nothing_about_the_inlined_support() -> None:
    once = transform_source(_OPS, "ops.py")
    assert "def _tf1_variable(" in once.code and "class _Convolution(" in once.code
    again = transform_source(once.code, "ops.py")
    assert again.code == once.code
    assert [d for d in again.diagnostics if d.severity != "info"] == [], again.diagnostics


def test_only_verbatim_support_is_generated() -> None:
    once = transform_source(_OPS, "ops.py").code
    tree = ast.parse(once)
    names = {n.name for n in tree.body if id(n) in generated_defs(tree)}
    assert {"_tf1_variable", "_Convolution", "ContribConv2D"} <= names
    assert "Conv2d" not in names and "Dense" in names  # (the layer library's Dense, not the user's)
    edited = once.replace('"""A variable as TF1', '"""(edited by hand) A variable as TF1', 1)
    tree = ast.parse(edited)
    assert "_tf1_variable" not in {n.name for n in tree.body if id(n) in generated_defs(tree)}
