"""A file that needs a layer class and a TF1 initializer helper defines their shared helper
(`_tf1_fans`) once: the upgrade stage's copy is dropped when the layer library has it."""

from __future__ import annotations

import ast
from collections import Counter

from migrate.transform import transform_source

SOURCE = '''import tensorflow as tf


def encoder(x):
    with tf.variable_scope("enc"):
        w = tf.get_variable("w", [int(x.shape[-1]), 4])
        h = tf.nn.relu(tf.matmul(x, w))
        return tf.layers.dense(h, 2, name="out")
'''


def test_shared_helper_defined_once() -> None:
    out = transform_source(SOURCE, "enc.py")
    tree = ast.parse(out.code)
    counts = Counter(s.name for s in tree.body if isinstance(s, (ast.FunctionDef, ast.ClassDef)))
    assert counts["_tf1_fans"] == 1, out.code
    assert "_tf1_glorot_uniform_initializer" in counts and "Dense" in counts
    assert transform_source(out.code, "enc.py").code == out.code  # a second run changes nothing
