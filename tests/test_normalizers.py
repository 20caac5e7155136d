"""normalizer_fn=slim.batch_norm in converted code (migrate/codemod/normalizers.py): the value
names the library class, which the layer builds inside its own scope on first call."""

from __future__ import annotations

import textwrap

from migrate.transform import transform_source

_SRC = textwrap.dedent('''\
    import tensorflow as tf
    import tensorflow.contrib.slim as slim


    def disc(x, training=True):
        with tf.variable_scope("disc"):
            h = slim.conv2d(x, 8, 3, normalizer_fn=slim.batch_norm,
                            normalizer_params={"is_training": training})
            return slim.fully_connected(slim.flatten(h), 1, activation_fn=None,
                                        normalizer_fn=tf.contrib.layers.layer_norm)
    ''')


def test_normalizer_value_becomes_the_library_class():
    out = transform_source(_SRC, "t.py")
    assert "class Disc(tf.Module)" in out.code
    assert "normalizer_fn=ContribBatchNorm," in out.code and "normalizer_fn=LayerNorm)" in out.code
    assert "class ContribBatchNorm(" in out.code and "class LayerNorm(" in out.code
    assert "import tensorflow.contrib" not in out.code and "slim.batch_norm," not in out.code
    assert not [d for d in out.diagnostics if d.severity == "error"]


def test_a_creator_passed_elsewhere_refuses_the_function():
    src = _SRC.replace("normalizer_fn=tf.contrib.layers.layer_norm", "activation_fn=slim.batch_norm")
    out = transform_source(src, "t.py")
    assert "class Disc" not in out.code
    assert any(d.code == "implicit-creator" and "activation_fn=" in d.message for d in out.diagnostics)


def test_slim_input_pipeline_is_not_an_implicit_creator():
    src = ("import tensorflow as tf\n\n\ndef get_data(files):\n"
           "    ds = tf.contrib.slim.dataset.Dataset(files, None, 10, None, None)\n"
           "    return tf.contrib.slim.dataset_data_provider.DatasetDataProvider(ds)\n")
    out = transform_source(src, "t.py")
    assert not [d for d in out.diagnostics if d.code == "implicit-creator"]
    assert [d for d in out.diagnostics if d.code == "contrib" and d.severity == "error"]
