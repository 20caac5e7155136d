"""tf.layers' creators that make no variables (dropout, flatten, pooling) and contrib's dropout
become generated plain-TF2 helpers (migrate/upgrade/helpers.py): the codemod's output, and the
helpers' values against TF1's own layers in one graph-mode subprocess (slow)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from migrate.transform import transform_source
from migrate.upgrade.helpers import helper_source
from migrate.upgrade.rules import LAYERS_HELPERS

_SOURCE = '''import tensorflow as tf


def classifier(x, training=False):
    with tf.variable_scope("classifier"):
        h = tf.layers.conv2d(x, 4, 3)
        h = tf.layers.max_pooling2d(h, 2, 2)
        h = tf.layers.flatten(h)
        h = tf.layers.dropout(h, rate=0.3, training=training)
        h = tf.contrib.layers.dropout(h, keep_prob=0.8, is_training=training)
        return tf.layers.dense(h, 2)
'''


def test_plain_ops_become_plain_tf2_helpers() -> None:
    out = transform_source(_SOURCE).code
    for helper in ("_layers_max_pooling2d(h, 2, 2)", "_layers_flatten(h)",
                   "_layers_dropout(h, rate=0.3, training=training)",
                   "_contrib_dropout(h, keep_prob=0.8, is_training=training)"):
        assert helper in out
    assert "tf.compat.v1" not in out and "tf.contrib" not in out.replace('"""tf.contrib', "")


_SCRIPT = textwrap.dedent('''
    import json, sys
    import numpy as np
    import tensorflow as tf
    tf.compat.v1.disable_v2_behavior()
    from migrate.checker import legacy_contrib
    contrib = legacy_contrib.install(tf)
    exec(sys.argv[1], globals())  # the helpers, spelled with `tf`
    v1 = tf.compat.v1
    L = v1.layers
    img = tf.constant(np.sin(np.arange(2 * 7 * 6 * 3)).reshape(2, 7, 6, 3), tf.float32)
    seq = tf.constant(np.cos(np.arange(2 * 9 * 4)).reshape(2, 9, 4), tf.float32)
    vol = tf.constant(np.sin(np.arange(2 * 4 * 5 * 4 * 2)).reshape(2, 4, 5, 4, 2), tf.float32)
    flag = v1.placeholder_with_default(False, [])
    pairs = {
        "max2d": (L.max_pooling2d(img, 2, 2), _layers_max_pooling2d(img, 2, 2)),
        "avg2d same": (L.average_pooling2d(img, (3, 2), 1, "same"), _layers_average_pooling2d(img, (3, 2), 1, "same")),
        "max2d channels_first": (L.max_pooling2d(img, 2, 1, data_format="channels_first"),
                                 _layers_max_pooling2d(img, 2, 1, data_format="channels_first")),
        "max1d": (L.max_pooling1d(seq, 2, 2), _layers_max_pooling1d(seq, 2, 2)),
        "avg1d same": (L.average_pooling1d(seq, 3, 2, padding="same"), _layers_average_pooling1d(seq, 3, 2, padding="same")),
        "max3d": (L.max_pooling3d(vol, 2, 2), _layers_max_pooling3d(vol, 2, 2)),
        "avg3d": (L.average_pooling3d(vol, 2, 1, "same"), _layers_average_pooling3d(vol, 2, 1, "same")),
        "flatten": (L.flatten(img), _layers_flatten(img)),
        "flatten channels_first": (L.flatten(img, data_format="channels_first"),
                                   _layers_flatten(img, data_format="channels_first")),
        "dropout inference": (L.dropout(img, 0.5), _layers_dropout(img, 0.5)),
        "dropout tensor flag": (L.dropout(img, 0.5, training=flag), _layers_dropout(img, 0.5, training=flag)),
        "dropout rate 0": (L.dropout(img, 0.0, training=True), _layers_dropout(img, 0.0, training=True)),
        "contrib dropout inference": (contrib.layers.dropout(img, 0.7, is_training=False),
                                      _contrib_dropout(img, 0.7, is_training=False)),
    }
    out = {}
    with v1.Session() as sess:
        for k, pair in pairs.items():
            try:
                a, b = sess.run(list(pair))
            except tf.errors.InvalidArgumentError as exc:
                # (TF's CPU MaxPool runs NCHW only where oneDNN is on: TF1's own layer fails too)
                if "only supports NHWC" not in str(exc):
                    raise
                out[k] = "unsupported here"
                continue
            out[k] = [list(a.shape) == list(b.shape), float(np.max(np.abs(a - b)))]
    print(json.dumps(out))
''')


@pytest.mark.slow
def test_helpers_equal_tf1_layers() -> None:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_USE_LEGACY_KERAS="1")
    names = set(LAYERS_HELPERS.values()) | {"_contrib_dropout"}
    proc = subprocess.run([sys.executable, "-c", _SCRIPT, helper_source(names)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    assert len(results) == 13
    assert sum(r == "unsupported here" for r in results.values()) <= 1  # (channels_first max pooling)
    assert {name: r for name, r in results.items() if r != "unsupported here" and not (r[0] and r[1] == 0.0)} == {}
