"""A converted helper whose TF1 def stays for callers that stay TF1 says which caller, and why.

transformer-xl and xlnet (heldout repos): `model.py`'s functions convert, and their TF1 defs stay
because `train_gpu.py` calls `model.transformer` from a `model_fn` closure that stays TF1. The
variable_scope / get_variable calls left in those defs were explained nowhere in `model.py` (an
info note 'callers in other files that stay TF1'): the kept def now carries a warning naming the
first TF1 caller and that caller's own reason, and a def kept only because another kept def calls
it names that def.
"""

from __future__ import annotations

from pathlib import Path

from migrate.project import plan_project
from migrate.transform import transform_source

OPS = '''import tensorflow as tf


def linear(x, units, scope=None):
    with tf.variable_scope(scope or "Linear"):
        w = tf.get_variable("w", [x.get_shape()[-1], units])
        return tf.matmul(x, w)


def mlp(x, scope="mlp"):
    with tf.variable_scope(scope):
        return linear(tf.nn.relu(linear(x, 4, "l0")), 1, "l1")
'''
TRAIN = '''import tensorflow as tf
import ops


def get_model_fn():
    def model_fn(x):
        return ops.mlp(x)
    return model_fn


def train(x):
    model_fn = get_model_fn()
    return model_fn(x)
'''


def _kept_notes(files: dict[str, str], name: str) -> list:
    root = Path("/virtual/repo")
    sources = {root / n: t for n, t in files.items()}
    project, plan = plan_project(sources)
    path = root / name
    result = transform_source(sources[path], str(path), project.pins.get(path, frozenset()), plan.plan_for(path))
    return [d for d in result.diagnostics if d.code == "kept-tf1"]


def test_kept_def_names_its_tf1_caller_and_the_callers_reason() -> None:
    notes = {d.message.split(" ", 1)[0]: d for d in _kept_notes({"ops.py": OPS, "train.py": TRAIN}, "ops.py")}
    assert set(notes) == {"mlp", "linear"}
    assert all(d.severity == "warning" for d in notes.values())
    # the caller in the other file, and the reason it stays TF1 (its own file's diagnostic)
    assert "get_model_fn in train.py stays TF1" in notes["mlp"].message
    assert "nested function" in notes["mlp"].message
    # kept because the kept def calls it
    assert "the kept TF1 def mlp (ops.py) calls it" in notes["linear"].message


def test_helper_every_caller_converts_has_no_kept_note() -> None:
    train = TRAIN.replace("def get_model_fn():\n    def model_fn(x):\n        return ops.mlp(x)\n    return model_fn\n",
                          "def model_fn(x):\n    return ops.mlp(x)\n").replace("    model_fn = get_model_fn()\n", "")
    assert _kept_notes({"ops.py": OPS, "train.py": train}, "ops.py") == []
