"""Runs in ONE TensorFlow subprocess for tests/test_training_hosts.py (never imported by it).

Graph mode, as the legacy training scripts ran: for each (legacy, migrated) pair of files and
each builder named in the spec, build the training graph in a fresh tf.Graph, give every
variable the same deterministic value by name, run the training ops once on a fixed feed, and
record variable names/shapes, the fetched outputs and every variable's value after the step.
The legacy file runs against tensorflow.compat.v1 (as TF1 code). Writes one JSON result.

usage: python hosts_driver.py SPEC.json RESULT.json
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

tf.compat.v1.disable_eager_execution()
TF1 = tf.compat.v1


def _load(path: str, legacy: bool) -> Any:
    spec = importlib.util.spec_from_file_location(f"m_{hashlib.sha1(path.encode()).hexdigest()[:8]}", path)
    module = importlib.util.module_from_spec(spec)
    saved = sys.modules.get("tensorflow")
    if legacy:
        sys.modules["tensorflow"] = TF1
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules["tensorflow"] = saved
    return module


def _value_for(name: str, shape: list[int], dtype: tf.DType) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "little")
    value = np.random.default_rng(seed).standard_normal(shape) * 0.3
    return value.astype(dtype.as_numpy_dtype) if dtype.is_floating else np.zeros(shape, dtype.as_numpy_dtype)


def _run(path: str, legacy: bool, build: dict) -> dict:
    module = _load(path, legacy)
    with tf.Graph().as_default():
        obj = eval(build["build"], {"m": module, "TF1": TF1, "tf": tf})  # noqa: S307 - test-owned expressions
        out = {k: eval(v, {"o": obj, "TF1": TF1}) for k, v in build["fetch"].items()}  # noqa: S307
        train = [eval(t, {"o": obj, "TF1": TF1}) for t in build.get("train", [])]  # noqa: S307
        feed = {eval(k, {"o": obj, "TF1": TF1}): np.full(v["shape"], v["value"], v["dtype"])  # noqa: S307
                for k, v in build["feed"].items()}
        variables = sorted(TF1.global_variables(), key=lambda v: v.name)
        with TF1.Session() as sess:
            sess.run(TF1.global_variables_initializer())
            for v in variables:
                v.load(_value_for(v.name, v.shape.as_list(), v.dtype.base_dtype), sess)
            before = sess.run(out, feed)
            for op in train:
                sess.run(op, feed)
            after = sess.run(out, feed)
            values = sess.run({v.name: v for v in variables})
    return {"variables": [[v.name, v.shape.as_list()] for v in variables],
            "before": {k: np.asarray(x).tolist() for k, x in before.items()},
            "after": {k: np.asarray(x).tolist() for k, x in after.items()},
            "values": {k: np.asarray(x).tolist() for k, x in values.items()}}


def main() -> None:
    spec = json.load(open(sys.argv[1]))
    results = {}
    for case in spec:
        key = f"{case['legacy']}::{case['build']}"
        try:
            results[key] = {"legacy": _run(case["legacy"], True, case), "migrated": _run(case["migrated"], False, case)}
        except Exception as e:  # reported per case by the test
            results[key] = {"error": f"{type(e).__name__}: {e}"}
    json.dump(results, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
