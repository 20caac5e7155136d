"""Runs in ONE TensorFlow subprocess for tests/test_runs_after_migration.py (never imported by it).

Plain eager TF2 (no disable_v2_behavior): every listed file is imported (a script runs top to
bottom), then each documented entry's class is built and called twice with its inputs; the second
call must create no variable. Writes one JSON result per file. Imports nothing from `migrate`, so
that a migrated file importing `migrate` is caught.

usage: python runs_after_migration_driver.py SPEC.json RESULT.json
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import inspect
import json
import os
import sys
import traceback
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402


def _array(name: str, spec: str) -> np.ndarray:
    dtype, _, dims = spec.partition("[")
    shape = tuple(int(d) for d in dims.rstrip("]").split(",") if d.strip())
    rng = np.random.default_rng(int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little"))
    if dtype == "bool":
        return rng.random(shape) < 0.5
    if np.issubdtype(np.dtype(dtype), np.integer):
        return rng.integers(0, 4, size=shape).astype(dtype)  # indexes any small vocabulary
    return rng.standard_normal(shape).astype(dtype)


def _value(module: Any, value: Any) -> Any:
    """CONTRACT.md / checker rule: a non-string is a literal; a string is Python source."""
    if not isinstance(value, str):
        return value
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return eval(value, vars(module))  # noqa: S307 - test data written by this repository


def _params(func: Any) -> set[str]:
    try:
        return set(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        return set()


def _resolve(module: Any, dotted: str) -> Any:
    obj = module
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def run_entry(module: Any, entry: dict[str, Any]) -> None:
    cls = getattr(module, entry["class"])
    args = {k: _value(module, v) for k, v in entry.get("args", {}).items()}
    init_args = {k: _value(module, v) for k, v in entry.get("init_args", {}).items()}
    ctor_params, call_params = _params(cls.__init__), _params(cls.__call__)
    call: dict[str, Any] = {k: tf.constant(_array(k, s)) for k, s in entry.get("inputs", {}).items()}
    owner_path = entry["function"].rpartition(".")[0]
    if owner_path and "owner" in call_params:  # a method's module is called with its owner
        owner_cls = _resolve(module, owner_path)
        owner_params = _params(owner_cls.__init__)
        owner_kwargs = {**init_args, **{k: v for k, v in args.items() if k in owner_params}}
        args = {k: v for k, v in args.items() if k not in owner_params}
        # (input tensors the owner's constructor takes: a model built on its inputs, XLNet's)
        owner_kwargs.update({k: call.pop(k) for k in list(call) if k in owner_params and k not in call_params})
        call["owner"] = owner_cls(**owner_kwargs)
        init_args = {}
    # (every tf.Module takes `name`: an entry's own `name` parameter belongs to its call, as the checker passes it)
    ctor = {k: v for k, v in {**args, **init_args}.items()
            if k in ctor_params and k != "self" and not (k == "name" and k in call_params and k in args)}
    call.update({k: v for k, v in args.items() if k not in ctor})
    instance = cls(**ctor)
    instance(**call)
    count = len(instance.variables) if isinstance(instance, tf.Module) else None
    instance(**call)
    if count is not None and len(instance.variables) != count:
        raise AssertionError(f"the second call created variables: {count} -> {len(instance.variables)}")


def _last_line(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return "".join(lines[-6:]).strip()


def _forget_program_modules(dirs: set[str]) -> None:
    """Sibling modules of an earlier directory must not shadow this one's (`ops`, `model`)."""
    for name, mod in list(sys.modules.items()):
        where = os.path.dirname(os.path.abspath(getattr(mod, "__file__", None) or "/"))
        if where in dirs:
            del sys.modules[name]


def run_file(item: dict[str, Any], dirs: set[str]) -> dict[str, Any]:
    _forget_program_modules(dirs)
    sys.path.insert(0, item["dir"])
    result: dict[str, Any] = {"id": item["id"], "import": "ok", "entries": {}}
    try:
        spec = importlib.util.spec_from_file_location(item["module"], item["path"])
        module = importlib.util.module_from_spec(spec)
        sys.modules[item["module"]] = module
        spec.loader.exec_module(module)
    except BaseException as exc:  # noqa: BLE001 - SystemExit from a script counts too
        result["import"] = _last_line(exc)
        return result
    finally:
        sys.path.remove(item["dir"])
        if not tf.executing_eagerly():
            result["import"] = "after importing it TensorFlow no longer executes eagerly"
            tf.compat.v1.enable_eager_execution()
        if any(m == "migrate" or m.startswith("migrate.") for m in sys.modules):
            result["import"] = "the migrated file imports migrate"
    for entry in item["entries"]:
        try:
            run_entry(module, entry)
            result["entries"][entry["label"]] = "ok"
        except BaseException as exc:  # noqa: BLE001
            result["entries"][entry["label"]] = _last_line(exc)
    return result


def main(spec_path: str, out_path: str) -> None:
    with open(spec_path, encoding="utf-8") as f:
        items = json.load(f)
    dirs = {os.path.abspath(item["dir"]) for item in items}
    results = [run_file(item, dirs) for item in items]
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
