"""Deterministic arrays: generated inputs and the per-name random weights.

Both runner processes call these with the same name and get the same bits, so nothing but a
name has to cross the process boundary. Seeds come from a stable hash (never Python's `hash`,
which is salted per process).
"""

from __future__ import annotations

import hashlib
import math

import numpy as np


def seed_for(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "little")


def input_array(name: str, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    """An input for parameter `name`: normal floats; ints in [0, 4) so they index any small
    vocabulary; random bools."""
    rng = np.random.default_rng(seed_for("input:" + name))
    if dtype == "bool":
        return rng.random(shape) < 0.5
    if np.issubdtype(np.dtype(dtype), np.integer):
        return rng.integers(0, 4, size=shape).astype(dtype)
    return rng.standard_normal(shape).astype(dtype)


def _fans(shape: tuple[int, ...]) -> tuple[int, int]:
    # TF1's fan rule (init_ops._compute_fans): receptive field times the last two dims.
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    receptive = int(np.prod(shape[:-2])) if len(shape) > 2 else 1
    return shape[-2] * receptive, shape[-1] * receptive


def weight_array(key: str, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    """The value every variable named `key` is set to before outputs are compared again.

    Distinct per name so a module shared by mistake (or unshared by mistake) changes the outputs.
    Matrices are glorot-scaled so deep stacks neither explode nor vanish below atol; vectors and
    scalars are in [0.5, 1.5) so they are valid scales and variances (no NaN from sqrt/log).
    """
    rng = np.random.default_rng(seed_for("weight:" + key))
    if dtype == "bool":
        return rng.random(shape) < 0.5
    if np.issubdtype(np.dtype(dtype), np.integer):
        return rng.integers(0, 4, size=shape).astype(dtype)
    if len(shape) >= 2:
        fan_in, fan_out = _fans(shape)
        limit = math.sqrt(6.0 / max(1, fan_in + fan_out))
        values = rng.uniform(-limit, limit, size=shape)
    else:
        values = rng.uniform(0.5, 1.5, size=shape)
    return values.astype(dtype)


def is_float_dtype(dtype: str) -> bool:
    return dtype in ("float16", "bfloat16", "float32", "float64")
