"""tf.contrib imports the conversion left unused go away (TF2 has no tf.contrib), and a converted
helper named like a layer-library class (`def layer_norm` -> LayerNorm) does not shadow it."""

from __future__ import annotations

import textwrap

import libcst as cst

from migrate.codemod.contrib_imports import drop_unused_contrib_imports


def _drop(source: str) -> str:
    return drop_unused_contrib_imports(cst.parse_module(textwrap.dedent(source))).code


def test_unused_contrib_imports_are_removed_used_ones_kept() -> None:
    out = _drop("""
        import tensorflow as tf
        import tensorflow.contrib.slim as slim
        import tensorflow.contrib as tf_contrib
        from tensorflow.contrib import layers, rnn
        from tensorflow.contrib.layers import xavier_initializer as xavier
        import numpy as np, tensorflow.contrib.slim as slim2
        from tensorflow.contrib.framework import *

        def f(x):
            return rnn.GRUCell(4), np.zeros(3)
        """)
    assert "slim =" not in out and "import tensorflow.contrib.slim as slim\n" not in out
    assert "tf_contrib" not in out and "xavier" not in out
    assert "from tensorflow.contrib import rnn\n" in out  # still read
    assert "import numpy as np\n" in out
    assert "from tensorflow.contrib.framework import *" in out  # star: cannot tell, kept
    assert "import tensorflow as tf\n" in out


def test_nothing_to_drop_returns_the_same_module() -> None:
    source = "import tensorflow as tf\nimport tensorflow.contrib.slim as slim\nslim.conv2d\n"
    module = cst.parse_module(source)
    assert drop_unused_contrib_imports(module) is module


def test_converted_helper_does_not_take_a_library_class_name() -> None:
    from migrate.transform import transform_source

    source = textwrap.dedent("""
        import tensorflow as tf
        import tensorflow.contrib as tf_contrib


        def instance_norm(x, scope="instance_norm"):
            return tf_contrib.layers.instance_norm(x, epsilon=1e-05, scope=scope)


        def block(x):
            with tf.variable_scope("block"):
                return instance_norm(x)
        """)
    code = transform_source(source, "gen.py").code
    classes = [line for line in code.splitlines() if line.startswith("class ")]
    assert len(classes) == len(set(c.split("(")[0] for c in classes)), classes
    assert "class InstanceNorm(_Regularized)" in code and "class InstanceNorm_2(tf.Module)" in code
    assert "tensorflow.contrib" not in code


def test_contrib_imports_kept_code_still_uses_become_stubs_so_the_file_imports() -> None:
    """BEGAN's models.py: `slim = tf.contrib.slim` at the top, a converted generator beside a
    discriminator kept TF1. TF2 has no tf.contrib: the alias alone failed the import."""
    from migrate.upgrade import upgrade_module

    src = textwrap.dedent("""\
        import tensorflow as tf
        import tensorflow.contrib.slim as slim2
        from tensorflow.contrib import slim as slim3
        slim = tf.contrib.slim  # the layer library


        def discriminator(x):
            return slim.conv2d(x, 4, 3), slim2.conv2d(x, 4, 3), slim3.conv2d(x, 4, 3)
        """)
    module, _ = upgrade_module(cst.parse_module(src), frozenset({"discriminator"}))
    out = module.code
    assert 'slim = _Tf1Contrib("tf.contrib.slim")  # the layer library' in out
    assert 'slim2 = _Tf1Contrib("tf.contrib.slim")' in out
    assert 'slim3 = _Tf1Contrib("tf.contrib.slim")' in out
    assert "class _Tf1Contrib:" in out and "tf.contrib.slim\n" not in out
    namespace: dict = {}
    exec(compile(out.replace("import tensorflow as tf", "tf = None"), "<migrated>", "exec"), namespace)
    try:
        namespace["discriminator"](None)
    except NotImplementedError as exc:
        assert "tf.contrib.slim.conv2d does not exist in TF2" in str(exc)
    else:
        raise AssertionError("the stub must raise where kept code calls contrib")
    again, _ = upgrade_module(cst.parse_module(out), frozenset({"discriminator"}))
    assert again.code == out


def test_the_stub_class_comes_before_a_stub_above_later_tf_imports() -> None:
    """glow's memory_saving_gradients: `import tensorflow.contrib.graph_editor as ge` above
    `from tensorflow.python.ops import gradients`, below which helpers go."""
    from migrate.transform import transform_source

    src = ("import tensorflow as tf\nimport tensorflow.contrib.graph_editor as ge\nimport sys\n"
           "from tensorflow.python.ops import gradients as tf_gradients_lib\n\n\n"
           "def walk(ts):\n    return ge.get_forward_walk_ops(ts), tf_gradients_lib\n")
    out = transform_source(src, "m.py").code
    assert out.index("class _Tf1Contrib:") < out.index('ge = _Tf1Contrib("tf.contrib.graph_editor")')
    namespace: dict = {}
    exec(compile(out.replace("import tensorflow as tf\n", "").replace(
        "from tensorflow.python.ops import gradients as tf_gradients_lib\n", "tf_gradients_lib = None\n"),
        "<migrated>", "exec"), namespace)
    assert transform_source(out, "m.py").code == out


def test_a_stubbed_contrib_function_keeps_its_callers_tf1_code_on_a_second_run() -> None:
    """seq2seq's image encoder: `from tensorflow.contrib.slim.python.slim.nets.inception_v3 import
    inception_v3_base`, called with `tf.to_float(inputs)`: the stub is read as that import again."""
    from migrate.transform import transform_source

    src = ("import tensorflow as tf\n"
           "from tensorflow.contrib.slim.python.slim.nets.inception_v3 import inception_v3_base\n\n\n"
           "def encode(inputs):\n    outputs, _ = inception_v3_base(tf.to_float(inputs))\n"
           "    return outputs.get_shape()\n")
    once = transform_source(src, "m.py").code
    assert 'inception_v3_base = _Tf1Contrib("tf.contrib.slim.python.slim.nets.inception_v3.inception_v3_base")' in once
    assert transform_source(once, "m.py").code == once


def test_add_arg_scope_stub_leaves_the_functions_it_decorates() -> None:
    """glow's tfops.py decorates kept TF1 layers with contrib's @add_arg_scope at import time."""
    from migrate.upgrade.helpers import helper_source

    namespace: dict = {}
    exec(helper_source({"_Tf1Contrib"}), namespace)
    stub = namespace["_Tf1Contrib"]("tf.contrib.framework.python.ops.add_arg_scope")

    def layer(x):
        return x

    assert stub(layer) is layer
