"""The generated contrib helpers (migrate/upgrade/helpers.py) against tf_slim, numerically: every
regularizer and initializer, in one TF1 graph-mode subprocess (slow: imports TensorFlow)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from migrate.upgrade.helpers import helper_source

_HELPERS = ("_contrib_l1_regularizer", "_contrib_l2_regularizer", "_contrib_l1_l2_regularizer",
            "_contrib_sum_regularizer", "_contrib_apply_regularization",
            "_contrib_variance_scaling_initializer", "_contrib_xavier_initializer", "_contrib_flatten",
            "_contrib_max_pool2d", "_contrib_avg_pool2d")

_SCRIPT = textwrap.dedent('''
    import json, sys
    import numpy as np
    import tensorflow as tf
    tf.compat.v1.disable_v2_behavior()
    from migrate.checker import legacy_contrib
    contrib = legacy_contrib.install(tf)
    layers = contrib.layers
    exec(sys.argv[1], globals())  # the helpers, spelled with `tf` (TF2 API names)
    v1 = tf.compat.v1
    w = tf.constant(np.linspace(-2.0, 3.0, 24).reshape(4, 6), tf.float32)
    pairs = {
        "l1": (layers.l1_regularizer(0.3)(w), _contrib_l1_regularizer(0.3)(w)),
        "l2": (layers.l2_regularizer(0.3)(w), _contrib_l2_regularizer(0.3)(w)),
        "l1_l2": (layers.l1_l2_regularizer(0.1, 0.7)(w), _contrib_l1_l2_regularizer(0.1, 0.7)(w)),
        "l1_l2 l1 only": (layers.l1_l2_regularizer(0.1, 0.0)(w), _contrib_l1_l2_regularizer(0.1, 0.0)(w)),
        "sum": (layers.sum_regularizer([layers.l1_regularizer(0.2), None, layers.l2_regularizer(0.5)])(w),
                _contrib_sum_regularizer([_contrib_l1_regularizer(0.2), None, _contrib_l2_regularizer(0.5)])(w)),
        "apply": (layers.apply_regularization(layers.l2_regularizer(0.5), [w, 2 * w]),
                  _contrib_apply_regularization(_contrib_l2_regularizer(0.5), [w, 2 * w])),
    }
    img = tf.constant(np.sin(np.arange(2 * 7 * 7 * 3)).reshape(2, 7, 7, 3), tf.float32)
    pairs.update({
        "flatten": (layers.flatten(img), _contrib_flatten(img)),
        "max_pool2d": (layers.max_pool2d(img, [3, 3]), _contrib_max_pool2d(img, [3, 3])),
        "max_pool2d same": (layers.max_pool2d(img, 3, stride=1, padding="SAME"),
                            _contrib_max_pool2d(img, 3, stride=1, padding="SAME")),
        "avg_pool2d same": (layers.avg_pool2d(img, [2, 2], padding="SAME"),
                            _contrib_avg_pool2d(img, [2, 2], padding="SAME")),
    })
    assert layers.l2_regularizer(0.0)(w) is None and _contrib_l2_regularizer(0.0)(w) is None
    inits = {
        "xavier": (layers.xavier_initializer, _contrib_xavier_initializer, {}),
        "xavier normal": (layers.xavier_initializer, _contrib_xavier_initializer, {"uniform": False}),
        "variance scaling": (layers.variance_scaling_initializer, _contrib_variance_scaling_initializer, {}),
        "variance scaling avg uniform": (layers.variance_scaling_initializer, _contrib_variance_scaling_initializer,
                                         {"factor": 1.5, "mode": "FAN_AVG", "uniform": True}),
        "variance scaling fan_out": (layers.variance_scaling_initializer, _contrib_variance_scaling_initializer,
                                     {"mode": "FAN_OUT"}),
    }
    for name, (legacy, helper, kw) in inits.items():
        for shape in ([7], [3, 10], [3, 3, 2, 5]):
            pairs[f"{name} {shape}"] = (legacy(seed=7, **kw)(shape), helper(seed=7, **kw)(shape))
    with v1.Session() as sess:
        values = sess.run({k: list(v) for k, v in pairs.items()})
    out = {k: [float(np.max(np.abs(a - b))), float(np.max(np.abs(a)))] for k, (a, b) in values.items()}
    print(json.dumps(out))
''')


@pytest.mark.slow
def test_helpers_equal_tf_slim():
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_USE_LEGACY_KERAS="1")
    proc = subprocess.run([sys.executable, "-c", _SCRIPT, helper_source(set(_HELPERS))],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    assert len(results) == 6 + 4 + 5 * 3
    for name, (diff, scale) in results.items():
        assert scale > 0, name  # something was drawn / computed
        assert diff == 0.0, f"{name}: differs from tf_slim by {diff}"
