"""`tf.get_collection('losses', scope)` (CIFAR-10's tower_loss, P's H12) reads tensors the code
added with tf.add_to_collection, not variables: it is refused for what it is (eager TF2 has no
graph collections: a module reading it would get [] and tf.add_n([]) raises), not as a variable
lookup (migrate/codemod/lookups.py reads_tensor_collection)."""

from __future__ import annotations

import ast

import pytest

from migrate.codemod.lookups import reads_tensor_collection
from migrate.codemod.tfapi import collect_tf_names
from migrate.transform import transform_source


@pytest.mark.parametrize("call, tensors", [
    ("tf.get_collection('losses', scope)", True),
    ("tf.get_collection(tf.GraphKeys.LOSSES)", True),
    ("tf.get_collection_ref(key='my_activations')", True),
    ("tf.get_collection('trainable_variables', 'd')", False),
    ("tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES)", False),
    ("tf.get_collection(tf.GraphKeys.UPDATE_OPS)", False),
    ("tf.get_collection(key)", False),
])
def test_tensor_collections_are_told_apart(call: str, tensors: bool) -> None:
    tree = ast.parse(f"import tensorflow as tf\n{call}\n")
    node = tree.body[1].value
    assert reads_tensor_collection(collect_tf_names(tree), node) is tensors


def test_the_refusal_says_what_the_collection_holds() -> None:
    source = '''import tensorflow as tf


def logits(x):
    with tf.variable_scope("fc"):
        return tf.matmul(x, tf.get_variable("w", [3, 2]))


def tower_loss(scope, x):
    tf.add_to_collection("losses", tf.reduce_mean(logits(x)))
    return tf.add_n(tf.get_collection("losses", scope))
'''
    out = transform_source(source, "m.py")
    messages = [d.message for d in out.diagnostics if d.code == "scope-lookup"]
    assert messages and "collection of tensors" in messages[0] and "looks variables up" not in messages[0]
