"""A variable scope around variable-free layers only (Kyubyong's attention: softmax, then
tf.layers.dropout) names ops: a `tf.name_scope` in TF2, as other variable-free scopes (P's H21:
tf.layers.dropout was taken for a creator, so the scope stayed tf.compat.v1.variable_scope).
TF equivalence: golden name_scope/variable_free_layers_in_scope (proven)."""

from __future__ import annotations

import pytest

from migrate.codemod.variable_free import makes_variables
from migrate.transform import transform_source

_CREATORS = frozenset({"get_variable", "Variable"})
_PREFIXES = ("layers.", "contrib.")


@pytest.mark.parametrize("api, creates", [
    ("layers.dropout", False), ("layers.max_pooling2d", False), ("layers.Flatten", False),
    ("contrib.layers.flatten", False), ("contrib.slim.max_pool2d", False), ("layers.MaxPool2D", False),
    ("layers.dense", True), ("contrib.slim.repeat", True), ("contrib.layers.fully_connected", True),
    ("get_variable", True), ("nn.softmax", False), (None, False),
])
def test_which_tf_calls_make_variables(api: str | None, creates: bool) -> None:
    assert makes_variables(api, _CREATORS, _PREFIXES) is creates


def _scope_line(body: str, function: str) -> str:
    code = transform_source("import tensorflow as tf\n\n\n" + body, "m.py").code
    return code[code.index(f"def {function}"):].splitlines()[1].strip()


def test_a_reusable_scope_around_a_dropout_is_a_name_scope() -> None:
    body = ('def attention(q, k, training=True, scope="attention"):\n'
            '    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):\n'
            '        outputs = tf.nn.softmax(tf.matmul(q, k, transpose_b=True))\n'
            '        return tf.layers.dropout(outputs, rate=0.1, training=training)\n')
    assert _scope_line(body, "attention") == "with tf.name_scope(scope):"


def test_a_scope_around_slim_repeat_stays_a_variable_scope() -> None:
    body = ('import tensorflow.contrib.slim as slim\n\n\n'
            'def tower(x, scope="tower"):\n'
            '    with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):\n'
            '        return slim.max_pool2d(slim.repeat(x, 2, slim.conv2d, 4, [3, 3]), [2, 2])\n')
    assert "name_scope" not in _scope_line(body, "tower")
