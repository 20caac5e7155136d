"""Contrib's internal module paths read as the public names they re-export (migrate/contrib_paths.py)."""

from __future__ import annotations

from migrate.contrib_paths import public_contrib_name
from migrate.transform import transform_source


def test_internal_paths_are_the_public_names() -> None:
    assert public_contrib_name("contrib.layers.python.layers.batch_norm") == "contrib.layers.batch_norm"
    assert public_contrib_name("contrib.layers.python.layers.layers.conv2d") == "contrib.layers.conv2d"
    assert public_contrib_name("contrib.layers.python.layers.initializers.xavier_initializer") == \
        "contrib.layers.xavier_initializer"
    assert public_contrib_name("contrib.framework.python.ops.add_arg_scope") == "contrib.framework.add_arg_scope"
    assert public_contrib_name("contrib.framework.python.ops.arg_scope.arg_scope") == "contrib.framework.arg_scope"
    # submodules that are not re-exported names, and everything else, stay as they are
    assert public_contrib_name("contrib.layers.python.layers.utils") == "contrib.layers.python.layers.utils"
    assert public_contrib_name("contrib.layers.python.layers.utils.smart_cond") == \
        "contrib.layers.python.layers.utils.smart_cond"
    assert public_contrib_name("layers.dense") == "layers.dense"


def test_an_initializer_imported_from_its_module_is_rewritten() -> None:
    source = ("import tensorflow as tf\n"
              "from tensorflow.contrib.layers.python.layers import initializers\n\n\n"
              "def f(x):\n    with tf.variable_scope('f'):\n"
              "        w = tf.get_variable('w', [3, 4], initializer=initializers.xavier_initializer())\n"
              "    return tf.matmul(x, w)\n")
    out = transform_source(source, "m.py")
    assert "_contrib_xavier_initializer" in out.code and "contrib" not in {d.code for d in out.diagnostics}
