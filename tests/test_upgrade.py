"""Parity with tf_upgrade_v2's behaviours (one before/after case per feature), plus our own
rules. Fast: no TensorFlow import anywhere in this file."""

from __future__ import annotations

import json
import sys
import time

import libcst as cst
import pytest

from migrate.upgrade import upgrade_module, upgrade_source
from migrate.upgrade.notebook import transform_notebook
from migrate.upgrade.tables import load_tables


def up(src: str, skip=frozenset()):
    out, diags = upgrade_source(src, frozenset(skip))
    return out, diags


def codes(diags):
    return [d.code for d in diags]


H = "import tensorflow as tf\n"

PARITY = [
    # (feature, before, after) -- tf_upgrade_v2 behaviours, native spellings where they keep values
    ("symbol rename", H + "y = tf.rsqrt(x) + tf.log(x)\n", H + "y = tf.math.rsqrt(x) + tf.math.log(x)\n"),
    ("rename via table", H + "z = tf.random_normal([2])\n", H + "z = tf.random.normal([2])\n"),
    ("keyword rename", H + "s = tf.reduce_sum(x, reduction_indices=1, keep_dims=True)\n",
     H + "s = tf.reduce_sum(x, axis=1, keepdims=True)\n"),
    ("keyword removal", H + "g = tf.gradients(y, x, colocate_gradients_with_ops=True)\n",
     H + "g = tf.gradients(y, x)\n"),
    ("argument reorder", H + "i = tf.argmax(x, 1)\n", H + "i = tf.argmax(x, 1)\n"),
    ("argument reorder to keywords", H + "i = tf.argmax(x, 1, 'n', 0)\n",
     H + "i = tf.argmax(x, 1, name='n', axis=0)\n"),
    ("cast", H + "f = tf.to_float(x)\nj = tf.to_int32(x, 'n')\n",
     H + "f = tf.cast(x, tf.float32)\nj = tf.cast(x, tf.int32, name='n')\n"),
    ("dropout keep_prob", H + "d = tf.nn.dropout(x, 0.8)\ne = tf.nn.dropout(x, keep_prob=a + b)\n",
     H + "d = tf.nn.dropout(x, rate=1 - 0.8)\ne = tf.nn.dropout(x, rate=1 - (a + b))\n"),
    ("compat.v1 where nothing native", H + "p = tf.placeholder(tf.float32)\n",
     H + "p = tf.compat.v1.placeholder(tf.float32)\n"),
    ("native preferred over compat.v1", H + "tf.set_random_seed(1)\n", H + "tf.random.set_seed(1)\n"),
    ("get_shape / .value", H + "n = x.get_shape()[-1].value\nm = x.shape[0].value\nl = x.get_shape().as_list()\n",
     H + "n = x.shape[-1]\nm = x.shape[0]\nl = x.shape.as_list()\n"),
    ("embedding_lookup", H + "e = tf.nn.embedding_lookup(w, ids, validate_indices=True)\n",
     H + "e = tf.nn.embedding_lookup(w, ids)\n"),
    ("xw_plus_b", H + "y = tf.nn.xw_plus_b(x, w, b)\n", H + "y = tf.nn.bias_add(tf.matmul(x, w), b)\n"),
    ("assign", H + "op = tf.assign(v, 3.0)\n", H + "op = v.assign(3.0)\n"),
    ("explicit compat.v1 made native", H + "y = tf.compat.v1.matmul(a, b)\n", H + "y = tf.matmul(a, b)\n"),
    ("unaliased import", "import tensorflow\ny = tensorflow.rsqrt(x)\n",
     "import tensorflow\ny = tensorflow.math.rsqrt(x)\n"),
    ("from-import", "from tensorflow import rsqrt, nn\ny = rsqrt(nn.relu(x))\n",
     "from tensorflow import rsqrt, nn\nimport tensorflow as tf\ny = tf.math.rsqrt(nn.relu(x))\n"),
    ("compat.v1 import", "import tensorflow.compat.v1 as tf\ny = tf.rsqrt(x)\n",
     "import tensorflow as tf\ny = tf.math.rsqrt(x)\n"),
    ("from compat import v1", "from tensorflow.compat import v1 as tf\ny = tf.log(x)\n",
     "import tensorflow as tf\ny = tf.math.log(x)\n"),
    ("compat.v2 untouched", "import tensorflow.compat.v2 as tf\ny = tf.rsqrt(x)\n",
     "import tensorflow.compat.v2 as tf\ny = tf.rsqrt(x)\n"),
    # What the structural stage left of its own symbols is TF1 code: v1-only ones get the
    # compat spelling tf_upgrade_v2 gives them; `tf.Variable` / `tf.name_scope` stay.
    ("owned symbols left: compat spelling",
     H + "with tf.variable_scope('a', reuse=tf.AUTO_REUSE):\n    w = tf.get_variable('w', [1])\n    v = tf.Variable(1.0)\n",
     H + "with tf.compat.v1.variable_scope('a', reuse=tf.compat.v1.AUTO_REUSE):\n    w = tf.compat.v1.get_variable('w', [1])\n    v = tf.Variable(1.0)\n"),
    ("method keyword rename", H + "op = opt.minimize(loss, colocate_gradients_with_ops=True)\n",
     H + "op = opt.minimize(loss)\n"),
    ("one-shot iterator", H + "it = ds.make_one_shot_iterator()\n", H + "it = iter(ds)\n"),
]


@pytest.mark.parametrize("feature,before,after", PARITY, ids=[p[0] for p in PARITY])
def test_parity(feature, before, after):
    out, _ = up(before)
    assert out == after
    again, _ = up(out)  # idempotent
    assert again == out


SURVIVE = {
    "f-string": H + 'print(f"{x!r:>10} {tf.__version__}")\ny = tf.rsqrt(x)\n',
    "walrus": H + "if (n := tf.rsqrt(x)) is not None:\n    pass\n",
    "match": H + "match x:\n    case [a, b]:\n        y = tf.log(a)\n    case _:\n        pass\n",
    "parenthesised slice": H + "y = x[(1):(2)]\nz = tf.log(y[(0)])\n",
    "non-ASCII": "# -*- coding: utf-8 -*-\n" + H + "# Größe: naïve 模型\ndef größe(x):\n    return tf.log(x)  # ünïcödé\n",
}


@pytest.mark.parametrize("name", list(SURVIVE))
def test_files_tf_upgrade_v2_breaks_on_survive(name):
    src = SURVIVE[name]
    out, _ = up(src)
    assert "tf.math." in out
    cst.parse_module(out)
    assert out.replace("tf.math.rsqrt", "tf.rsqrt").replace("tf.math.log", "tf.log") == src


def test_contrib_error_with_advice():
    src = H + "y = tf.contrib.layers.sparse_column_with_keys(x)\nc = tf.contrib.rnn.IntersectionRNNCell(3)\n"
    out, diags = up(src)
    assert out == src
    errs = [d for d in diags if d.code == "contrib"]
    assert len(errs) == 2 and all(d.severity == "error" for d in errs)
    assert errs[0].line == 2 and "addons" in errs[0].message
    assert "rnn" in errs[1].message and errs[1].line == 3


def test_contrib_xavier_maps_to_contrib_helper():
    out, diags = up(H + "init = tf.contrib.layers.xavier_initializer()\n")
    assert "init = _contrib_xavier_initializer()" in out
    assert "initializer-rewrite" in codes(diags) and "contrib" not in codes(diags)


def test_flags_error_with_advice():
    out, diags = up(H + "flags = tf.app.flags\nflags.DEFINE_string('a', 'b', 'c')\nF = tf.flags.FLAGS\n")
    assert "flags = tf.compat.v1.app.flags" in out and "F = tf.compat.v1.flags.FLAGS" in out
    fl = [d for d in diags if d.code == "flags"]
    assert len(fl) == 2 and "absl" in fl[0].message and fl[0].severity == "error"


def test_compat_v1_kept_is_reported():
    _, diags = up(H + "p = tf.placeholder(tf.float32)\nopt = tf.train.AdamOptimizer(0.1)\n")
    kept = [d for d in diags if d.code == "compat-v1-kept"]
    assert [d.line for d in kept] == [2, 3]


def test_skipped_function_no_longer_keeps_the_compat_v1_import():
    # Refused code is spelled tf.compat.v1.* (as tf_upgrade_v2 would), so the file can import
    # the TF2 API and the converted code around it is plain TF2.
    src = ("import tensorflow.compat.v1 as tf\n\n"
           "def f(x):\n    with tf.variable_scope('a'):\n        return tf.rsqrt(tf.get_variable('w', [1]))\n\n"
           "def g(x):\n    return tf.log(x)\n")
    out, diags = up(src, {"f"})
    assert out == ("import tensorflow as tf\n\n"
                   "def f(x):\n    with tf.compat.v1.variable_scope('a'):\n"
                   "        return tf.math.rsqrt(tf.compat.v1.get_variable('w', [1]))\n\n"
                   "def g(x):\n    return tf.math.log(x)\n")
    assert [(d.code, d.line) for d in diags] == [("compat-v1-kept", 4), ("compat-v1-kept", 5)]


def test_compat_v1_import_kept_when_tf_is_used_as_a_value():
    src = ("import tensorflow.compat.v1 as tf\n\nAPI = tf\n\n"
           "def f(x):\n    with tf.variable_scope('a'):\n        return tf.get_variable('w', [1])\n")
    out, diags = up(src, {"f"})
    assert out == src
    assert any(d.code == "compat-v1-kept" and d.line == 1 for d in diags)


def test_skip_functions_get_compat_renames_only():
    f = ("def build( x ,reuse=False):   # odd spacing\n"
         "    with tf.variable_scope('d', reuse=reuse):\n"
         "        return tf.rsqrt(x.get_shape()[0].value)  +  tf.to_float(x)\n")
    m = ("class M:\n    def step(self, x):\n        with tf.name_scope(None, 'step', [x]):\n"
         "            return tf.log(tf.to_float(x), tf.truncated_normal_initializer(stddev=1.0))\n")
    src = H + "\n" + f + "\n" + m + "\ndef other(x):\n    return tf.log(x)\n"
    out, diags = up(src, {"build", "M.step"})
    assert ("def build( x ,reuse=False):   # odd spacing\n"
            "    with tf.compat.v1.variable_scope('d', reuse=reuse):\n"
            "        return tf.math.rsqrt(tf.compat.dimension_value(x.get_shape()[0]))  +  tf.compat.v1.to_float(x)\n") in out
    assert ("        with tf.compat.v1.name_scope(None, 'step', [x]):\n"
            "            return tf.math.log(tf.compat.v1.to_float(x), tf.compat.v1.truncated_normal_initializer(stddev=1.0))\n") in out
    assert "return tf.math.log(x)" in out and "_tf1_" not in out  # no helpers for code kept as TF1
    assert {d.code for d in diags} == {"compat-v1-kept"}
    again, _ = up(out, {"build", "M.step"})
    assert again == out


def test_file_without_tf_is_identical_object():
    module = cst.parse_module("import numpy as np\nx = np.log(y.get_shape())\n")
    new, diags = upgrade_module(module)
    assert new is module and diags == []


def test_initializers_rewritten_and_reported():
    src = (H + "a = tf.truncated_normal_initializer(stddev=0.02)\n"
           "b = tf.random_normal_initializer()\n"
           "c = tf.random_uniform_initializer(seed=3)\n"
           "d = tf.compat.v1.glorot_uniform_initializer()([3, 4], tf.float32)\n"
           "e = tf.keras.initializers.he_normal(seed=1)\n"
           "f = tf.constant_initializer(0.1, dtype=tf.float32)\n"
           "g = tf.zeros_initializer(dtype=tf.int32)\n"
           "h = tf.keras.initializers.TruncatedNormal()\n")
    out, diags = up(src)
    assert "a = _tf1_truncated_normal_initializer(stddev=0.02)" in out
    assert "b = tf.random_normal_initializer(stddev=1.0)" in out
    assert "c = _tf1_random_uniform_initializer(seed=3)" in out  # seeded: TF2 core draws statelessly
    assert "d = _tf1_glorot_uniform_initializer()([3, 4], tf.float32)" in out
    assert 'e = _tf1_variance_scaling_initializer(scale=2.0, mode="fan_in", distribution="truncated_normal", seed=1)' in out
    assert "f = tf.constant_initializer(0.1)" in out
    assert "g = tf.compat.v1.zeros_initializer(dtype=tf.int32)" in out
    assert "h = _tf1_truncated_normal_initializer(stddev=0.05)" in out
    # helpers once, after the imports, before the first use
    assert out.count("def _tf1_fans(") == 1 and out.index("def _tf1_fans(") < out.index("a = ")
    assert out.startswith(H + "\n\ndef _tf1_")
    assert codes(diags).count("initializer-rewrite") == 7
    assert "compat-v1-kept" in codes(diags)
    compile(out, "<out>", "exec")
    again, _ = up(out)
    assert again == out


def test_session_block_made_eager():
    src = (H + "v = tf.Variable(1.0)\n"
           "# run it\n"
           "with tf.Session() as sess:\n"
           "    sess.run(tf.global_variables_initializer())\n"
           "    print(sess.run(v))\n"
           "    w = sess.run([v, v * 2])\n"
           "    print('done')\n")
    out, diags = up(src)
    assert out == (H + "v = tf.Variable(1.0)\n# run it\nprint(v.numpy())\n"
                   "w = [v.numpy(), (v * 2).numpy()]\nprint('done')\n")
    assert "compat-v1-kept" not in codes(diags)


def test_session_loop_reported_not_mangled():
    src = ("import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\n"
           "x = tf.placeholder(tf.float32, [None])\n"
           "with tf.Session() as sess:\n"
           "    for i in range(3):\n"
           "        print(sess.run(x, feed_dict={x: [i]}))\n")
    out, diags = up(src)
    assert "tf.compat.v1.disable_v2_behavior()" in out
    assert "with tf.compat.v1.Session() as sess:\n    for i in range(3):\n        print(sess.run(x, feed_dict={x: [i]}))" in out
    assert any(d.code == "session-loop" and d.severity == "warning" for d in diags)


def test_disable_v2_behavior_dropped_when_eager():
    out, _ = up("import tensorflow.compat.v1 as tf\ntf.disable_v2_behavior()\ny = tf.log(2.0)\n")
    assert out == "import tensorflow as tf\ny = tf.math.log(2.0)\n"


NB = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Title ünïcode\n"]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [
            {"name": "stdout", "output_type": "stream", "text": ["hello\n"]}],
         "source": ["%matplotlib inline\n", "!pip install foo \\\n", "   bar\n",
                    "import tensorflow as tf\n", "x = tf.constant([1.0])"]},
        {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [],
         "source": ["y = tf.rsqrt(x)\n", "print(y.get_shape()[0].value)"]},
        {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [],
         "source": "%%bash\necho tf.rsqrt\n"},
    ],
    "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5,
}


def test_notebook():
    text = json.dumps(NB, indent=1, ensure_ascii=False) + "\n"
    result = transform_notebook(text, "nb.ipynb")
    nb = json.loads(result.code)
    assert nb["cells"][0] == NB["cells"][0]
    assert nb["cells"][1] == NB["cells"][1]  # magics and outputs untouched
    assert nb["cells"][2]["source"] == ["y = tf.math.rsqrt(x)\n", "print(y.shape[0])"]
    assert nb["cells"][3] == NB["cells"][3]
    unchanged = json.dumps({**NB, "cells": NB["cells"][:2]}, indent=1) + "\n"
    assert transform_notebook(unchanged, "nb.ipynb").code == unchanged


def test_tables_loaded_without_importing_tensorflow():
    sys.modules.pop("tensorflow", None)
    t = load_tables()
    assert "tensorflow" not in sys.modules
    assert t.renames["tf.rsqrt"] == "tf.math.rsqrt"
    assert t.keyword_renames["tf.reduce_sum"]["keep_dims"] == "keepdims"
    assert "tf.argmax" in t.reorders and "tf.contrib" in t.module_deprecations
    start = time.perf_counter()
    for _ in range(10):
        load_tables()
    assert time.perf_counter() - start < 0.05


def test_disk_cache_and_fallback(tmp_path, monkeypatch):
    from migrate.upgrade import tables as T

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(T, "_loaded", None)
    if T.tensorflow_dir() is not None:
        first = T.load_tables()
        assert first.source in ("installed", "cache")
        monkeypatch.setattr(T, "_loaded", None)
        start = time.perf_counter()
        warm = T.load_tables()
        assert warm.source == "cache" and time.perf_counter() - start < 0.05
        assert warm.renames == first.renames
    monkeypatch.setattr(T, "tensorflow_dir", lambda: None)
    monkeypatch.setattr(T, "_loaded", None)
    fb = T.load_tables()
    assert fb.source == "fallback" and fb.renames["tf.log"] == "tf.math.log"
    monkeypatch.setattr(T, "_loaded", None)
