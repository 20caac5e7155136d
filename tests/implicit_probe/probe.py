"""An independent equivalence probe for migrated implicit-creator programs (not the checker).

Usage: probe.py CASE.py [CASE.py ...]   (from the repository root, with the project's venv)

Each case is a TF1 program with a module-level `PROBE = {"entry": ..., "inputs": {...},
"args": {...}}`. The probe copies it, migrates the copy with `migrate run`, then runs the
original (TF1 graph mode, its own subprocess, tf.contrib from tf_slim wired here, not by the
checker) and the migrated module (eager, another subprocess), both under
DeterministicRandomTestTool(mode='constant'), and compares: variable names, shapes, dtypes,
trainability, initial values (exact), outputs at the initial weights and after setting every
variable to per-name random values, every variable after that second (training-mode) call
(batch-norm moving statistics), regularization losses, outputs of a fresh instance under
tf.function, and that a further call creates no variable.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MIGRATE = str(ROOT / ".venv" / "bin" / "migrate")


# ------------------------------------------------------------------ shared by both sides


def _input_arrays(spec: dict[str, str]) -> dict[str, Any]:
    import numpy as np

    arrays = {}
    for i, (name, text) in enumerate(sorted(spec.items())):
        dtype, shape = text.rstrip("]").split("[")
        dims = [int(d) for d in shape.split(",") if d]
        rng = np.random.RandomState(1000 + i)
        if dtype.startswith("int"):
            arrays[name] = rng.randint(0, 4, dims).astype(dtype)
        elif dtype == "bool":
            arrays[name] = np.array(True) if not dims else rng.rand(*dims) > 0.5
        else:
            arrays[name] = rng.normal(size=dims).astype(dtype)
    return arrays


def _perturbed(name: str, shape: tuple[int, ...], dtype: str) -> Any:
    import numpy as np

    rng = np.random.RandomState(zlib.crc32(name.encode()))
    low, high = (0.5, 1.5) if "variance" in name else (-0.6, 0.6)
    return rng.uniform(low, high, shape).astype(dtype)


def _flatten(value: Any, path: str = "out") -> list[tuple[str, Any]]:
    if isinstance(value, (list, tuple)):
        return [item for i, v in enumerate(value) for item in _flatten(v, f"{path}[{i}]")]
    if isinstance(value, dict):
        return [item for k in sorted(value) for item in _flatten(value[k], f"{path}[{k!r}]")]
    if value is None or isinstance(value, (int, float, str, bool)):
        return []
    return [(path, value)]


def _load(path: str, v1_tf: Any = None) -> Any:
    """Import a program; with v1_tf, `import tensorflow` in it gives tensorflow.compat.v1."""
    import importlib.util

    saved = sys.modules.get("tensorflow")
    if v1_tf is not None:
        sys.modules["tensorflow"] = v1_tf
    try:
        spec = importlib.util.spec_from_file_location(Path(path).stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.path.insert(0, str(Path(path).parent))
        spec.loader.exec_module(module)
        return module
    finally:
        if v1_tf is not None:
            sys.modules["tensorflow"] = saved


# ------------------------------------------------------------------ legacy side (TF1 graph)


def _install_contrib_unused(tf: Any) -> None:
    import types

    from tensorflow.python.framework import ops

    if not hasattr(ops, "Tensor"):
        ops.Tensor = tf.Tensor
    import tf_keras.src.legacy_tf_layers as legacy_tf_layers

    sys.modules.setdefault("tf_keras.legacy_tf_layers", legacy_tf_layers)
    import tf_slim

    contrib = types.ModuleType("tensorflow.contrib")
    contrib.layers = tf_slim.layers
    contrib.slim = tf_slim
    contrib.framework = tf_slim
    contrib.__path__ = []
    sys.modules["tensorflow.contrib"] = contrib
    sys.modules["tensorflow.contrib.layers"] = tf_slim.layers
    sys.modules["tensorflow.contrib.slim"] = tf_slim
    sys.modules["tensorflow.contrib.framework"] = tf_slim
    tf.compat.v1.contrib = contrib


def _legacy_entry(module: Any, probe: dict[str, Any]) -> Any:
    owner, _, method = probe["entry"].rpartition(".")
    if owner:  # a model class: built with init_args, then its method called
        return getattr(getattr(module, owner)(**probe.get("init_args", {})), method)
    return getattr(module, method)


def _install_contrib(tf: Any) -> None:
    # tf_slim needs more patches under TF 2.21 than the two DESIGN.md lists (smart_cond's
    # control_flow_ops.cond, contrib's regularizers/initializers under tf.contrib.layers): the
    # checker's environment shim provides them; it only wires modules, it compares nothing.
    sys.path.insert(0, str(ROOT))
    from migrate.checker import legacy_contrib

    legacy_contrib.install(tf)


def legacy(case: str, out: str) -> None:
    import numpy as np
    import tensorflow as tf

    tf.compat.v1.disable_v2_behavior()
    _install_contrib(tf)
    from tf_keras.src.legacy_tf_layers.migration_utils import DeterministicRandomTestTool

    v1 = tf.compat.v1
    module = _load(case, v1)
    probe = module.PROBE
    arrays = _input_arrays(probe.get("inputs", {}))
    result: dict[str, Any] = {}
    with DeterministicRandomTestTool(mode="constant").scope():
        graph = tf.Graph()
        with graph.as_default():
            feeds = {n: v1.placeholder(a.dtype, a.shape, name=n) for n, a in arrays.items()}
            outputs = _flatten(_legacy_entry(module, probe)(**feeds, **probe.get("args", {})))
            variables = v1.global_variables()
            updates = v1.get_collection(v1.GraphKeys.UPDATE_OPS)
            reg = v1.get_collection(v1.GraphKeys.REGULARIZATION_LOSSES)
            with v1.Session(graph=graph) as sess:
                sess.run(v1.global_variables_initializer())
                feed = {feeds[n]: a for n, a in arrays.items()}
                result["variables"] = {
                    v.name: (tuple(v.shape.as_list()), v.dtype.base_dtype.name, v in v1.trainable_variables(),
                             sess.run(v)) for v in variables}
                result["outputs"] = dict(zip([p for p, _ in outputs], sess.run([t for _, t in outputs], feed)))
                for v in variables:
                    shape, dtype = result["variables"][v.name][:2]
                    v.load(_perturbed(v.name, shape, dtype), sess)
                fetched = sess.run([[t for _, t in outputs], updates, reg], feed)
                result["outputs_perturbed"] = dict(zip([p for p, _ in outputs], fetched[0]))
                result["reg_loss"] = float(np.sum(fetched[2])) if reg else None
                result["after_training_call"] = {v.name: sess.run(v) for v in variables}
                result["has_update_ops"] = bool(updates)
    with open(out, "wb") as f:
        pickle.dump(result, f)


# ------------------------------------------------------------------ migrated side (TF2 eager)


def _class_name(entry: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in entry.split("_"))


def _split_args(cls: Any, args: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    import inspect

    init = inspect.signature(cls.__init__).parameters
    call = inspect.signature(cls.__call__).parameters
    ctor = {k: v for k, v in args.items() if k in init}
    rest = {k: v for k, v in args.items() if k in call or k not in init}
    return ctor, rest


def migrated(case: str, out: str) -> None:
    import numpy as np
    import tensorflow as tf
    from tf_keras.src.legacy_tf_layers.migration_utils import DeterministicRandomTestTool

    module = _load(case)
    probe = module.PROBE
    owner, _, method = probe["entry"].rpartition(".")
    if owner:  # the migrated model class (a tf.Module), its method called as the legacy one was
        cls = getattr(module, owner)
        ctor, call_args = probe.get("init_args", {}), probe.get("args", {})
        entry_of = lambda obj: getattr(obj, method)  # noqa: E731
    else:
        cls = getattr(module, _class_name(method))
        ctor, call_args = _split_args(cls, probe.get("args", {}))
        entry_of = lambda obj: obj  # noqa: E731
    arrays = _input_arrays(probe.get("inputs", {}))
    result: dict[str, Any] = {}
    created: list[Any] = []
    initial: dict[str, Any] = {}

    def creator(next_creator: Any, **kwargs: Any) -> Any:
        var = next_creator(**kwargs)
        created.append(var)
        initial.setdefault(var.name, var.numpy())
        return var

    def perturb(variables: list[Any]) -> None:
        for v in variables:
            v.assign(_perturbed(v.name, tuple(v.shape.as_list()), v.dtype.base_dtype.name))

    def reg_loss(m: Any) -> float | None:
        losses = []
        for sub in (m,) + tuple(m.submodules):
            if "regularization_losses" in type(sub).__dict__ or hasattr(type(sub), "regularization_losses"):
                losses += list(sub.regularization_losses())
        return float(np.sum([np.asarray(l) for l in losses])) if losses else None

    with DeterministicRandomTestTool(mode="constant").scope():
        with tf.variable_creator_scope(creator):
            instance = cls(**ctor)
            tensors = {n: tf.constant(a) for n, a in arrays.items()}
            outputs = _flatten(entry_of(instance)(**tensors, **call_args))
        names = [v.name for v in created]
        result["duplicate_names"] = sorted({n for n in names if names.count(n) > 1})
        result["variables"] = {v.name: (tuple(v.shape.as_list()), v.dtype.base_dtype.name, v.trainable,
                                        initial[v.name]) for v in created}
        result["module_variables"] = sorted(v.name for v in instance.variables)
        result["outputs"] = {p: t.numpy() for p, t in outputs}
        perturb(created)
        result["outputs_perturbed"] = {p: t.numpy() for p, t in _flatten(entry_of(instance)(**tensors, **call_args))}
        result["after_training_call"] = {v.name: v.numpy() for v in created}
        result["reg_loss"] = reg_loss(instance)
        before = len(created)
        with tf.variable_creator_scope(creator):
            entry_of(instance)(**tensors, **call_args)
        result["second_call_new"] = [v.name for v in created[before:]]
    # tf.function on a fresh instance: same variables, same outputs at the initial and perturbed weights
    fresh_created: list[Any] = []

    def fresh_creator(next_creator: Any, **kwargs: Any) -> Any:
        var = next_creator(**kwargs)
        fresh_created.append(var)
        return var

    try:
        with DeterministicRandomTestTool(mode="constant").scope():
            with tf.variable_creator_scope(fresh_creator):
                fresh = cls(**ctor)
                fn = tf.function(lambda **kw: entry_of(fresh)(**kw, **call_args))
                traced = {p: t.numpy() for p, t in _flatten(fn(**tensors))}
            perturb(fresh_created)
            traced_perturbed = {p: t.numpy() for p, t in _flatten(fn(**tensors))}
        result["tf_function"] = {"outputs": traced, "outputs_perturbed": traced_perturbed,
                                 "names": sorted(v.name for v in fresh_created)}
    except Exception as exc:  # noqa: BLE001 - reported as a failed check
        result["tf_function"] = {"error": f"{type(exc).__name__}: {exc}"[:600]}
    with open(out, "wb") as f:
        pickle.dump(result, f)


# ------------------------------------------------------------------ driver


def _close(a: Any, b: Any, rtol: float = 1e-6, atol: float = 1e-5) -> bool:
    import numpy as np

    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def _same_outputs(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return list(a) == list(b) and all(_close(a[k], b[k]) for k in a)


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    import numpy as np

    problems = []
    ov, nv = old["variables"], new["variables"]
    if set(ov) != set(nv):
        problems.append(f"variable names: only legacy {sorted(set(ov) - set(nv))}, "
                        f"only migrated {sorted(set(nv) - set(ov))}")
    if new["duplicate_names"]:
        problems.append(f"a name created twice (unshared module?): {new['duplicate_names']}")
    if new["module_variables"] != sorted(nv):
        problems.append("module.variables is not every created variable")
    for name in sorted(set(ov) & set(nv)):
        (os_, od, ot, oval), (ns, nd, nt, nval) = ov[name], nv[name]
        if (os_, od, ot) != (ns, nd, nt):
            problems.append(f"{name}: legacy {os_} {od} trainable={ot}, migrated {ns} {nd} trainable={nt}")
        elif not np.array_equal(oval, nval):
            problems.append(f"{name}: initial values differ (max {np.max(np.abs(oval - nval)):.3g})")
    if not old["outputs"]:
        problems.append("the entry returned no tensor")
    if not _same_outputs(old["outputs"], new["outputs"]):
        problems.append("outputs differ at the initial weights")
    if not _same_outputs(old["outputs_perturbed"], new["outputs_perturbed"]):
        problems.append("outputs differ after perturbing every weight")
    for name in sorted(set(ov) & set(nv)):
        if not _close(old["after_training_call"][name], new["after_training_call"][name]):
            problems.append(f"{name}: differs after the training-mode call")
    if (old["reg_loss"] is None) != (new["reg_loss"] is None) or (
            old["reg_loss"] is not None and not _close(old["reg_loss"], new["reg_loss"])):
        problems.append(f"regularization loss: legacy {old['reg_loss']}, migrated {new['reg_loss']}")
    if new["second_call_new"]:
        problems.append(f"a second call created {new['second_call_new']}")
    tf_fn = new["tf_function"]
    if "error" in tf_fn:
        problems.append(f"tf.function: {tf_fn['error']}")
    else:
        if tf_fn["names"] != sorted(nv):
            problems.append("tf.function created other variable names")
        if not _same_outputs(tf_fn["outputs"], new["outputs"]):
            problems.append("tf.function outputs differ (initial weights)")
        if not _same_outputs(tf_fn["outputs_perturbed"], new["outputs_perturbed"]):
            problems.append("tf.function outputs differ (perturbed weights)")
    return problems


def _side(side: str, path: str, out: str) -> subprocess.Popen:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    # tf.compat.v1.layers needs tf_keras' legacy layers: the TF1 side has them, the migrated
    # side must not need them (plain TF2)
    env["TF_USE_LEGACY_KERAS"] = "1" if side == "legacy" else "0"
    return subprocess.Popen([PYTHON, __file__, f"--{side}", path, out], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _not_tf2(text: str) -> list[str]:
    """TF1-only names the migrated code still uses (code, not docstrings)."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Attribute):
            parts = []
            expr = node
            while isinstance(expr, ast.Attribute):
                parts.append(expr.attr)
                expr = expr.value
            if isinstance(expr, ast.Name):
                dotted = ".".join([expr.id] + parts[::-1])
                if dotted.startswith(("tf.compat.v1.", "tf.contrib.")):
                    found.add(dotted)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found.update(n for n in names if n.startswith(("tensorflow.contrib", "tensorflow.compat.v1")))
    return sorted(found)


def probe_case(case: Path, work: Path) -> dict[str, Any]:
    (work / "legacy").mkdir(parents=True)
    (work / "migrated").mkdir()
    legacy_path, migrated_path = work / "legacy" / case.name, work / "migrated" / case.name
    shutil.copy(case, legacy_path)
    shutil.copy(case, migrated_path)
    run = subprocess.run([MIGRATE, "run", "-j", "1", str(migrated_path)], capture_output=True, text=True)
    report: dict[str, Any] = {"case": case.stem, "migrated": migrated_path.read_text() != case.read_text()}
    if "import migrate" in migrated_path.read_text() or "from migrate" in migrated_path.read_text():
        report["problems"] = ["the migrated file imports migrate"]
        return report
    leftovers = _not_tf2(migrated_path.read_text())
    if leftovers:
        report["problems"] = [f"the migrated file is not plain TF2: it uses {leftovers}"]
        return report
    procs = {s: (_side(s, str(p), str(work / f"{s}.pkl")), work / f"{s}.pkl")
             for s, p in (("legacy", legacy_path), ("migrated", migrated_path))}
    results = {}
    for side, (proc, out) in procs.items():
        log, _ = proc.communicate()
        if proc.returncode or not out.exists():
            report["problems"] = [f"{side} side failed:\n{log[-3000:]}", run.stdout[-1500:]]
            return report
        results[side] = pickle.loads(out.read_bytes())
    report["problems"] = compare(results["legacy"], results["migrated"])
    report["variables"] = len(results["legacy"]["variables"])
    report["update_ops"] = results["legacy"]["has_update_ops"]
    return report


def main(argv: list[str]) -> int:
    if argv[:1] in (["--legacy"], ["--migrated"]):
        (legacy if argv[0] == "--legacy" else migrated)(argv[1], argv[2])
        return 0
    failed = 0
    with tempfile.TemporaryDirectory(prefix="implicit-probe-") as tmp:
        for i, case in enumerate(Path(a) for a in argv):
            report = probe_case(case.resolve(), Path(tmp) / f"{i}")
            ok = report["migrated"] and not report["problems"]
            failed += not ok
            status = "PROVEN" if ok else ("NOT MIGRATED" if not report["migrated"] else "FAILED")
            extra = f" ({report.get('variables')} variables, update ops: {report.get('update_ops')})" if ok else ""
            print(f"{status}: {case.stem}{extra}")
            for p in report.get("problems", []):
                print(f"    - {p}")
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
