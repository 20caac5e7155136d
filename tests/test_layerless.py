"""layerless.py: which of a file's names provably open no variable scope (so they cannot take
the number of an unnamed layer TF1 counted in a loop)."""

import ast

from migrate.codemod.layerless import layerless_names
from migrate.codemod.tfapi import collect_tf_names
from migrate.transform import transform_source

SOURCE = '''
import math
import numpy as np
import tensorflow as tf
import ops

def shape_of(t):
    return [d or -1 for d in t.get_shape().as_list()]

def up(x):
    h = shape_of(x)[1]
    return tf.image.resize_nearest_neighbor(x, (2 * h, 2 * h))

def projects(x):
    return tf.layers.dense(x, 4)

def calls_projects(x):
    return up(projects(x))

def calls_param(x, model):
    return model.build(x)

def calls_other_file(x):
    return ops.lrelu(x)
'''


def test_plain_modules_and_plumbing_helpers_are_layerless() -> None:
    tree = ast.parse(SOURCE)
    names = layerless_names(tree, collect_tf_names(tree))
    assert {"math", "np", "shape_of", "up"} <= names
    # a layer, a caller of one, a parameter's method, another file's function: may take a name
    assert not names & {"projects", "calls_projects", "calls_param", "calls_other_file", "ops", "tf"}


LOOP = '''
import tensorflow as tf

def {helper}(x):
    return {body}

def tower(x, n):
    with tf.variable_scope("tower"):
        for i in range(n):
            x = tf.layers.dense(x, 4)
            x = {helper}(x)
        return x
'''


def test_a_helper_making_a_layer_keeps_the_numbered_loop_tf1() -> None:
    plain = transform_source(LOOP.format(helper="squash", body="tf.nn.tanh(x)"), "plain.py")
    assert "class Tower" in plain.code
    # (TF1: dense, dense_1 in the helper, dense_2, ...: the loop's numbers are not 0, 1, ...)
    layered = transform_source(LOOP.format(helper="project", body="tf.layers.dense(x, 4)"), "layered.py")
    assert "class Tower" not in layered.code
    assert any("may make layers of that name" in d.message for d in layered.diagnostics)


def test_a_helper_mapping_a_callable_is_not_layerless() -> None:
    """`map(fn, xs)` calls whatever it is given: a layer-making function may be among them."""
    source = '''
import tensorflow as tf

def project(x):
    return tf.layers.dense(x, 4)

def apply_all(xs):
    return list(map(project, xs))

def keep_positive(xs):
    return list(filter(None, xs))
'''
    tree = ast.parse(source)
    names = layerless_names(tree, collect_tf_names(tree))
    assert "apply_all" not in names and "keep_positive" not in names
