"""The generated initializer helpers (and the TF2 core initializers we keep) give exactly TF1's
values: TF1 in graph mode (tf.compat.v1 initializers, `disable_v2_behavior`) in one subprocess,
the TF2 spellings eagerly and inside tf.function in another, both under tf_keras's
DeterministicRandomTestTool(mode='constant'). One subprocess per side for all cases."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# (key, TF1 expression with `v1` = tf.compat.v1, TF2 expression as the upgrade stage spells it)
CASES = [
    ("glorot_uniform", "v1.glorot_uniform_initializer()", "_tf1_glorot_uniform_initializer()"),
    ("glorot_uniform_seed", "v1.glorot_uniform_initializer(seed=3)", "_tf1_glorot_uniform_initializer(seed=3)"),
    ("glorot_normal", "v1.glorot_normal_initializer()", "_tf1_glorot_normal_initializer()"),
    ("truncated_normal", "v1.truncated_normal_initializer(stddev=0.02)", "_tf1_truncated_normal_initializer(stddev=0.02)"),
    ("truncated_normal_mean_seed", "v1.truncated_normal_initializer(1.0, 0.5, seed=7)", "_tf1_truncated_normal_initializer(1.0, 0.5, seed=7)"),
    ("variance_scaling", "v1.variance_scaling_initializer()", "_tf1_variance_scaling_initializer()"),
    ("variance_scaling_uniform", "v1.variance_scaling_initializer(2.0, 'fan_out', 'uniform')", "_tf1_variance_scaling_initializer(2.0, 'fan_out', 'uniform')"),
    ("variance_scaling_untruncated", "v1.variance_scaling_initializer(mode='fan_avg', distribution='untruncated_normal')", "_tf1_variance_scaling_initializer(mode='fan_avg', distribution='untruncated_normal')"),
    ("variance_scaling_normal", "v1.variance_scaling_initializer(0.5, distribution='normal')", "_tf1_variance_scaling_initializer(0.5, distribution='normal')"),
    ("he_normal", "v1.initializers.he_normal()", "_tf1_variance_scaling_initializer(scale=2.0, mode='fan_in', distribution='truncated_normal')"),
    ("he_uniform", "v1.initializers.he_uniform()", "_tf1_variance_scaling_initializer(scale=2.0, mode='fan_in', distribution='uniform')"),
    ("lecun_normal", "v1.initializers.lecun_normal()", "_tf1_variance_scaling_initializer(scale=1.0, mode='fan_in', distribution='truncated_normal')"),
    ("lecun_uniform", "v1.initializers.lecun_uniform()", "_tf1_variance_scaling_initializer(scale=1.0, mode='fan_in', distribution='uniform')"),
    ("orthogonal", "v1.orthogonal_initializer()", "_tf1_orthogonal_initializer()"),
    ("orthogonal_gain", "v1.orthogonal_initializer(gain=2.0)", "_tf1_orthogonal_initializer(gain=2.0)"),
    ("random_normal", "v1.random_normal_initializer(stddev=0.02)", "tf.random_normal_initializer(stddev=0.02)"),
    ("random_normal_default", "v1.random_normal_initializer()", "tf.random_normal_initializer(stddev=1.0)"),
    ("random_normal_seed", "v1.random_normal_initializer(0.5, 2.0, seed=11)", "_tf1_random_normal_initializer(0.5, 2.0, seed=11)"),
    ("random_uniform", "v1.random_uniform_initializer(-0.1, 0.1)", "tf.random_uniform_initializer(-0.1, 0.1)"),
    ("random_uniform_default", "v1.random_uniform_initializer()", "tf.random_uniform_initializer(minval=0.0, maxval=1.0)"),
    ("random_uniform_seed", "v1.random_uniform_initializer(-1.0, 3.0, seed=5)", "_tf1_random_uniform_initializer(-1.0, 3.0, seed=5)"),
    ("zeros", "v1.zeros_initializer()", "tf.zeros_initializer()"),
    ("ones", "v1.ones_initializer()", "tf.ones_initializer()"),
    ("constant", "v1.constant_initializer(0.25)", "tf.constant_initializer(0.25)"),
    ("identity", "v1.initializers.identity(gain=3.0)", "_tf1_identity_initializer(gain=3.0)"),
]
SHAPES = [[3, 4], [2, 3, 4, 5], [7], [5, 3], [3, 5], [2, 2, 3, 4], [1, 1]]
ONLY_2D = {"identity"}
ONLY_MATRIX = {"orthogonal", "orthogonal_gain"}
DTYPES = ["float32", "float64"]

_COMMON = """
import os, sys, json
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import numpy as np
import tensorflow as tf
from tf_keras.src.legacy_tf_layers.migration_utils import DeterministicRandomTestTool
CASES = json.loads(sys.argv[1]); SHAPES = json.loads(sys.argv[2]); DTYPES = json.loads(sys.argv[3])
ONLY_2D = set(json.loads(sys.argv[4])); ONLY_MATRIX = set(json.loads(sys.argv[5])); OUT = sys.argv[6]
def applicable(key, shape):
    if key in ONLY_2D: return len(shape) == 2
    if key in ONLY_MATRIX: return len(shape) >= 2
    return True
"""

LEGACY = _COMMON + """
tf.compat.v1.disable_v2_behavior()
v1 = tf.compat.v1
tensors = {}
with DeterministicRandomTestTool(mode="constant").scope():
    graph = tf.Graph()
    with graph.as_default(), v1.Session(graph=graph) as sess:
        for key, legacy, _ in CASES:
            for shape in SHAPES:
                if not applicable(key, shape):
                    continue
                for dt in DTYPES:
                    init = eval(legacy)
                    tensors[f"{key}|{shape}|{dt}"] = init(shape, getattr(tf, dt))
        values = sess.run(tensors)
np.savez(OUT, **values)
"""

MODERN = _COMMON + """
from migrate.upgrade.helpers import HELPERS, helper_source
assert tf.executing_eagerly()
namespace = {"tf": tf}
exec(helper_source(set(HELPERS)), namespace)
values = {}
with DeterministicRandomTestTool(mode="constant").scope():
    for key, _, modern in CASES:
        for shape in SHAPES:
            if not applicable(key, shape):
                continue
            for dt in DTYPES:
                init = eval(modern, namespace)
                values[f"{key}|{shape}|{dt}"] = init(shape, getattr(tf, dt)).numpy()
                fn = tf.function(lambda: init(shape, getattr(tf, dt)))
                values[f"{key}|{shape}|{dt}|tf.function"] = fn().numpy()
np.savez(OUT, **values)
"""


def _run(script: str, out: Path) -> None:
    args = [
        sys.executable, "-c", script,
        __import__("json").dumps([list(c) for c in CASES]),
        __import__("json").dumps(SHAPES),
        __import__("json").dumps(DTYPES),
        __import__("json").dumps(sorted(ONLY_2D)),
        __import__("json").dumps(sorted(ONLY_MATRIX)),
        str(out),
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_USE_LEGACY_KERAS="1")
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_initializers_match_tf1_exactly(tmp_path):
    np = pytest.importorskip("numpy")
    pytest.importorskip("tensorflow")
    pytest.importorskip("tf_keras")
    legacy_out, modern_out = tmp_path / "legacy.npz", tmp_path / "modern.npz"
    procs = [(_run(LEGACY, legacy_out), "legacy"), (_run(MODERN, modern_out), "modern")]
    for proc, side in procs:  # both sides run in parallel
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"{side} side failed:\n{err[-4000:]}"
    legacy, modern = np.load(legacy_out), np.load(modern_out)
    assert len(legacy.files) > 100
    mismatches = []
    for name in legacy.files:
        expected = legacy[name]
        for variant in (name, name + "|tf.function"):
            got = modern[variant]
            if got.dtype != expected.dtype or got.shape != expected.shape or not np.array_equal(got, expected):
                mismatches.append(variant)
    assert not mismatches, f"values differ from TF1 for: {mismatches}"
    # the check is not vacuous: random initializers produce non-constant values
    assert np.std(legacy["glorot_uniform|[3, 4]|float32"]) > 0
