"""`x.op.name` of a tensor in TF2 code (P's H11: CIFAR-10's `_activation_summary` run by a
converted layer raised `Tensor.op is undefined when eager execution is enabled`): the upgrade
stage guards it with tf.executing_eagerly(), so it reads the op name wherever TF1 code ran and ""
in eager (migrate/upgrade/transformer.py `op_name`; golden helpers/activation_summary_op_name)."""

from __future__ import annotations

import libcst as cst

from migrate.upgrade import upgrade_module

_GUARDED = '(x.op.name if not tf.executing_eagerly() else "")'


def _up(src: str, skip: frozenset[str] = frozenset()):
    module, diagnostics = upgrade_module(cst.parse_module(src), skip)
    return module.code, [d.code for d in diagnostics]


def test_op_name_of_a_tensor_is_guarded() -> None:
    code, codes = _up("import tensorflow as tf\n\ndef tag(x):\n    return x.op.name + '/act'\n")
    assert f"return {_GUARDED} + '/act'" in code
    assert "graph-only" in codes


def test_other_forms_are_left_alone() -> None:
    src = ("import tensorflow as tf\n\ndef tag(self, x, f):\n"
           "    return self.op.name, f(x).op.name, x.op.type, x.name\n")
    code, codes = _up(src)
    assert code == src and "graph-only" not in codes


def test_code_kept_as_tf1_is_left_alone() -> None:
    src = "import tensorflow as tf\n\ndef tag(x):\n    return x.op.name\n"
    code, _ = _up(src, frozenset({"tag"}))
    assert "executing_eagerly" not in code


def test_a_second_run_changes_nothing() -> None:
    first, _ = _up("import tensorflow as tf\n\ndef tag(x):\n    return (x.op.name, x.op.name)\n")
    second, codes = _up(first)
    assert second == first and "graph-only" not in codes


def test_the_name_of_a_tensor_parameter_is_guarded() -> None:
    """BERT's get_shape_list(tensor, name=None): `name = tensor.name`, called by converted layers."""
    src = ("import tensorflow as tf\n\ndef get_shape_list(tensor, name=None):\n    if name is None:\n"
           "        name = tensor.name\n    return tensor.shape.as_list(), name\n")
    code, codes = _up(src)
    assert "name = _tensor_name(tensor)" in code and "def _tensor_name(tensor):" in code
    assert "graph-only" in codes
    second, codes = _up(code)
    assert second == code and "graph-only" not in codes


def test_names_of_other_objects_and_stores_are_left_alone() -> None:
    src = ("import tensorflow as tf\n\ndef f(var, scope, input_tensor):\n"
           "    input_tensor.name = 'x'\n    return var.name, scope.name\n")
    code, codes = _up(src)
    assert code == src and "graph-only" not in codes
