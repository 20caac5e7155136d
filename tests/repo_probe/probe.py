"""An independent whole-repository probe: migrate small multi-file TF1 repositories in place and
prove their entry points against the originals with code of its own (not `migrate check`).

Usage (from the repository root):
  .venv/bin/python -m tests.repo_probe.probe [REPO ...] [--json FILE] [--keep DIR]

Each repository under tests/repo_probe/repos/<name>/ has a probe.json manifest:
  {"entries": [{"entry": "model.py:DCGAN.generator" | "model.py:model" | "build.py",
                "mode": "eager" (default) | "graph" | "script",
                "inputs": {"z": "float32[2,6]"}, "args": {...}, "init_args": {...},
                "inputs_to": "call" (default) | "init", "values": [...script globals...],
                "before": "generator" (a method of the entry's object called first, same inputs),
                "unordered_updates": true (batch-norm statistics updated twice in one TF1 step, in
                either order: not compared after calls),
                "compare_refused": true (compare the entry even when the run refused it: a
                refused caller of converted code must still behave as the original),
                "known": "G3" (a failure the round's findings file explains: reported, allowed by
                tests/test_repo_probe.py until the bug is fixed)}]}
`args` / `init_args`: a string is a Python expression evaluated in the entry module's globals on
each side (`"model.default_hparams()"`, `"'lin'"`); anything else is a literal.

Per repository it copies the tree twice, runs `migrate run` over one copy (whole, in place), and
measures: variable_scope/get_variable calls before and after, functions converted, the refusals
(warnings and errors) with their reasons, names pyflakes finds undefined that the original did
not have, files that stopped parsing, modules that stopped importing, and whether a second run
changes anything (on a copy: the entries run on the first run's output). Then one legacy process (TF1 graph mode, `import tensorflow` resolving to
tensorflow.compat.v1, tf.contrib from the checker's tf_slim shim, nothing else of migrate) and
one migrated process (TF2 eager, plain tensorflow) run every entry point under
DeterministicRandomTestTool(mode='constant') and compare: variable names, shapes, dtypes,
trainability, exact initial values, outputs at the initial weights and after setting every
weight to the same per-name random values, every variable after that call (batch-norm
statistics), that a second call creates no variable, and a fresh instance under tf.function.
`graph` entries (training-graph builders) run in graph mode on both sides and also compare the
variables and outputs after one run of the returned ops (one optimizer step). `script` entries
run the file top to bottom and compare the variables it creates and the listed globals.

Verdicts: PROVEN; FAILED (the probe's comparison found a difference); NOT CONVERTED (the entry,
or the code it runs, stayed TF1 because of a reported refusal: its def keeps TF1's variable API,
a structural refusal is reported inside it, or its migrated run failed inside a def that still
uses it while the entry itself was not converted); MIGRATED ERROR (the migrated entry raised
otherwise: a converted entry failing inside kept TF1 code is a half conversion); LEGACY ERROR
(the manifest or the original is wrong).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import traceback
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
REPOS = Path(__file__).resolve().parent / "repos"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MIGRATE = str(ROOT / ".venv" / "bin" / "migrate")
SUPPORT = "tf2_migrate_support.py"


# ------------------------------------------------------------------ shared by both sides


def input_arrays(spec: dict[str, str]) -> dict[str, Any]:
    import numpy as np

    arrays = {}
    for i, (name, text) in enumerate(sorted(spec.items())):
        dtype, shape = text.rstrip("]").split("[")
        dims = [int(d) for d in shape.split(",") if d]
        rng = np.random.RandomState(1000 + i)
        if dtype.startswith("int"):
            arrays[name] = rng.randint(0, 4, dims).astype(dtype)
        else:
            arrays[name] = rng.normal(size=dims).astype(dtype)
    return arrays


def is_weight(name: str, trainable: bool) -> bool:
    """Variables the probe perturbs: the model's weights and batch-norm statistics, not an
    optimizer's slots or beta powers (a random beta2_power > 1 makes Adam's step NaN)."""
    return trainable or "moving_" in name


def perturbed(name: str, shape: tuple[int, ...], dtype: str) -> Any:
    import numpy as np

    rng = np.random.RandomState(zlib.crc32(name.encode()))
    low, high = (0.5, 1.5) if "variance" in name else (-0.6, 0.6)
    return rng.uniform(low, high, shape).astype(dtype)


def flatten(value: Any, path: str = "out") -> list[tuple[str, Any]]:
    if isinstance(value, (list, tuple)):
        return [item for i, v in enumerate(value) for item in flatten(v, f"{path}[{i}]")]
    if isinstance(value, dict):
        return [item for k in sorted(value) for item in flatten(value[k], f"{path}[{k!r}]")]
    if value is None or isinstance(value, (int, float, str, bool)):
        return []
    return [(path, value)]


def module_name(repo: Path, file: Path) -> str:
    """The dotted name the file imports under: packages up from its directory, else its stem."""
    parts = [file.stem]
    directory = file.parent
    while directory != repo and (directory / "__init__.py").exists():
        parts.insert(0, directory.name)
        directory = directory.parent
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_entry_module(repo: Path, relpath: str) -> Any:
    import importlib

    file = repo / relpath
    for directory in (str(repo), str(file.parent)):
        if directory not in sys.path:
            sys.path.insert(0, directory)
    return importlib.import_module(module_name(repo, file))


def evaluate(values: dict[str, Any], module: Any) -> dict[str, Any]:
    return {k: eval(v, vars(module)) if isinstance(v, str) else v for k, v in values.items()}  # noqa: S307


def class_name(function: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in function.split("_"))


def repo_modules(repo: Path) -> list[str]:
    return sorted(module_name(repo, f) for f in repo.rglob("*.py") if f.name != SUPPORT)


def import_all(repo: Path) -> dict[str, str]:
    """Import every module of the repository; the ones that fail, with the error."""
    import importlib

    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    failures = {}
    for name in repo_modules(repo):
        file = repo / (name.replace(".", "/") + ".py")
        if file.parent != repo and str(file.parent) not in sys.path and not (file.parent / "__init__.py").exists():
            sys.path.insert(0, str(file.parent))
        try:
            importlib.import_module(name)
        except BaseException as exc:  # noqa: BLE001 - recorded
            failures[name] = f"{type(exc).__name__}: {exc}"[:300]
    return failures


# ------------------------------------------------------------------ legacy side (TF1 graph)


def _legacy_tf() -> Any:
    import importlib

    import tensorflow as tf

    tf.compat.v1.disable_v2_behavior()
    # tf_slim under TF 2.21 needs patches (ops.Tensor, smart_cond, contrib's regularizers):
    # the checker's shim wires them; it only provides tf.contrib, it compares nothing.
    from migrate.checker import legacy_contrib

    legacy_contrib.install(tf)
    importlib.import_module("tf_keras.src.legacy_tf_layers.migration_utils")  # before the swap below

    sys.modules["tensorflow"] = tf.compat.v1  # user code's `import tensorflow` is TF1's API
    install_estimator_spec(tf.compat.v1)
    return tf


def install_estimator_spec(tf_module: Any) -> None:
    """TF 2.21 has no tf.estimator: model_fns that return `tf.estimator.EstimatorSpec(...)`
    (BERT's layout) get a plain record of the same fields on both sides, so they can run."""
    import collections
    import types

    if hasattr(tf_module, "estimator"):
        return
    fields = ("mode", "predictions", "loss", "train_op", "eval_metric_ops", "export_outputs",
              "training_chief_hooks", "training_hooks", "scaffold", "evaluation_hooks", "prediction_hooks")
    spec = collections.namedtuple("EstimatorSpec", fields, defaults=(None,) * len(fields))
    modes = types.SimpleNamespace(TRAIN="train", EVAL="eval", PREDICT="infer")
    tf_module.estimator = types.SimpleNamespace(EstimatorSpec=spec, ModeKeys=modes)


_BEFORE: list[Any] = []  # the legacy outputs of an entry's `before` call: run once, first


def _legacy_target(module: Any, target: str, entry: dict[str, Any], feeds: dict[str, Any]) -> Any:
    owner, _, method = target.partition(".")
    args = evaluate(entry.get("args", {}), module)
    obj = getattr(module, owner)
    if isinstance(obj, type):
        init_args = evaluate(entry.get("init_args", {}), module)
        to_init = entry.get("inputs_to") == "init"
        instance = obj(**init_args, **(feeds if to_init else {}))
        if entry.get("before"):  # a method that must run first (a sampler reusing the generator's scope)
            _BEFORE.extend(t for _, t in flatten(getattr(instance, entry["before"])(**feeds)))
        if not method:
            return instance(**({} if to_init else feeds), **args) if callable(instance) else []
        return getattr(instance, method)(**({} if to_init else feeds), **args)
    return obj(**feeds, **args)


def legacy_side(repos: list[str], outdir: str) -> None:
    tf = _legacy_tf()
    from tf_keras.src.legacy_tf_layers.migration_utils import DeterministicRandomTestTool

    v1 = tf.compat.v1
    for repo in repos:
        root = Path(repo)
        with _repo_modules_forgotten(root):
            manifest = json.loads((root / "probe.json").read_text())
            results: dict[str, Any] = {"imports": import_all(root), "entries": []}
            for entry in manifest["entries"]:
                try:
                    with DeterministicRandomTestTool(mode="constant").scope():
                        results["entries"].append(_legacy_entry(tf, v1, root, entry))
                except BaseException:  # noqa: BLE001 - recorded per entry
                    results["entries"].append({"error": traceback.format_exc()[-2500:]})
        (Path(outdir) / f"{root.name}.legacy.pkl").write_bytes(pickle.dumps(results))


class _repo_modules_forgotten:
    """One process probes every repository: each repo's modules (model.py, ops.py, the support
    module) and sys.path entries are dropped after it, so the next repo imports its own."""

    def __init__(self, root: Path) -> None:
        self.root = str(root.resolve())

    def __enter__(self) -> None:
        self.path = list(sys.path)

    def __exit__(self, *exc: Any) -> None:
        sys.path[:] = self.path
        for name, module in list(sys.modules.items()):
            file = getattr(module, "__file__", None) or ""
            if file.startswith(self.root + os.sep) or (module is not None and file == "" and
                                                       any(p.startswith(self.root) for p in getattr(module, "__path__", []) or [])):
                del sys.modules[name]


def _legacy_entry(tf: Any, v1: Any, root: Path, entry: dict[str, Any]) -> dict[str, Any]:
    import runpy

    relpath, _, target = entry["entry"].partition(":")
    arrays = input_arrays(entry.get("inputs", {}))
    graph = tf.Graph()
    result: dict[str, Any] = {}
    with graph.as_default():
        if entry.get("mode") == "script":
            sys.path.insert(0, str((root / relpath).parent))
            namespace = runpy.run_path(str(root / relpath), run_name="__probe__")
            outputs = [(name, namespace[name]) for name in entry.get("values", [])]
            feeds: dict[str, Any] = {}
        else:
            module = import_entry_module(root, relpath)
            feeds = {n: v1.placeholder(a.dtype, a.shape, name=n) for n, a in arrays.items()}
            outputs = flatten(_legacy_target(module, target, entry, feeds))
        tensors = [(p, t) for p, t in outputs if isinstance(t, tf.Tensor)]
        ops = [t for _, t in outputs if isinstance(t, tf.Operation)]
        variables = v1.global_variables()
        trainable = set(v1.trainable_variables())
        with v1.Session(graph=graph) as sess:
            sess.run(v1.global_variables_initializer())
            feed = {feeds[n]: a for n, a in arrays.items()}
            result["variables"] = {v.name: (tuple(v.shape.as_list()), v.dtype.base_dtype.name, v in trainable,
                                            sess.run(v)) for v in variables}
            if _BEFORE:  # the migrated side ran it eagerly (batch-norm updates included) before the entry
                sess.run(_BEFORE, feed)
                del _BEFORE[:]
            result["outputs"] = dict(zip([p for p, _ in tensors], sess.run([t for _, t in tensors], feed)))
            for v in variables:
                shape, dtype, trainable = result["variables"][v.name][:3]
                if is_weight(v.name, trainable):
                    v.load(perturbed(v.name, shape, dtype), sess)
            # the call a TF1 training step makes: batch-norm moving statistics updated with it
            updates = v1.get_collection(v1.GraphKeys.UPDATE_OPS)
            reg = v1.get_collection(v1.GraphKeys.REGULARIZATION_LOSSES)
            fetched = sess.run([[t for _, t in tensors], updates, reg], feed)
            result["outputs_perturbed"] = dict(zip([p for p, _ in tensors], fetched[0]))
            result["reg_loss"] = float(sum(float(x) for x in fetched[2])) if reg else None
            result["after_call"] = {v.name: sess.run(v) for v in variables}
            if ops:  # a training step of the returned ops (one at a time: a fixed order), then everything again
                for op in ops:
                    sess.run(op, feed)
                result["after_step"] = {v.name: sess.run(v) for v in variables}
                result["outputs_after_step"] = dict(zip([p for p, _ in tensors],
                                                        sess.run([t for _, t in tensors], feed)))
    return result


# ------------------------------------------------------------------ migrated side (TF2)


class Replay:
    """A function entry builds new modules per call: later calls get call 1's variables (same
    full name, same occurrence), so the same weights are used."""

    def __init__(self, tf: Any, variables: list[Any]) -> None:
        self.tf = tf
        self.pools: dict[str, list[Any]] = {}
        for var in variables:
            self.pools.setdefault(var.name, []).append(var)
        self.taken: dict[str, int] = {}
        self.unmatched: list[str] = []

    def creator(self, next_creator: Any, **kwargs: Any) -> Any:
        base = str(kwargs.get("name") or "Variable")
        scope = self.tf.get_current_name_scope()
        full = (base[:-1] if base.endswith("/") else (f"{scope}/{base}" if scope else base)) + ":0"
        k = self.taken.get(full, 0)
        pool = self.pools.get(full, [])
        if k < len(pool):
            self.taken[full] = k + 1
            return pool[k]
        self.unmatched.append(full)
        return next_creator(**kwargs)

    def reset(self) -> None:
        self.taken = {}


def _split(cls: Any, args: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Constructor and call arguments of a migrated class, as the legacy function took them."""
    import inspect

    init = inspect.signature(cls.__init__).parameters
    call = inspect.signature(cls.__call__).parameters
    ctor, rest, notes = {}, {}, []
    for k, v in args.items():
        if k in init:
            ctor[k] = v
        if k in call or (k not in init and "kwargs" in call):
            rest[k] = v
        elif k not in init:
            if isinstance(v, str) and "name" in init and "name" not in ctor:
                ctor["name"] = v
                notes.append(f"{k}={v!r} given as the module's name")
            else:
                notes.append(f"{k}={v!r} not taken by the migrated class: dropped")
    return ctor, rest, notes


def _migrated_callable(tf: Any, module: Any, target: str, entry: dict[str, Any],
                       tensors: dict[str, Any]) -> tuple[Any, str, list[str]]:
    """A factory of (instance, call) pairs for the entry and its kind (module / function / class)."""
    owner, _, method = target.partition(".")
    args = evaluate(entry.get("args", {}), module)
    if method or (isinstance(getattr(module, owner, None), type) and not method):
        cls = getattr(module, owner)
        init_args = evaluate(entry.get("init_args", {}), module)
        to_init = entry.get("inputs_to") == "init"

        def build() -> Any:
            instance = cls(**init_args, **(tensors if to_init else {}))
            if to_init:  # the constructor is the forward pass (BERT): later calls run it again
                first = [True]

                def first_or_again() -> Any:
                    # the first eager call is the construction itself; traced, the forward
                    # pass must run in the graph
                    if first and not tf.inside_function():
                        first.pop()
                    else:
                        instance.__init__(**init_args, **tensors)
                    return getattr(instance, method)() if method else instance
                return instance, first_or_again
            if entry.get("before"):
                getattr(instance, entry["before"])(**tensors)
            if method:
                call = lambda: getattr(instance, method)(**({} if to_init else tensors), **args)  # noqa: E731
            else:
                call = lambda: instance(**({} if to_init else tensors), **args)  # noqa: E731
            return instance, call

        return build, "class", []
    cls = getattr(module, class_name(owner), None)
    if isinstance(cls, type) and issubclass(cls, tf.Module):
        ctor, call_args, notes = _split(cls, args)

        def build_module() -> Any:
            instance = cls(**ctor)
            return instance, lambda: instance(**tensors, **call_args)

        return build_module, "module", notes
    function = getattr(module, owner)
    return (lambda: (None, lambda: function(**tensors, **args))), "function", ["function entry: new modules per call"]


class _Absent:
    """An attribute chain that exists only to be aliased: calling anything on it fails."""

    def __init__(self, path: str) -> None:
        self._path = path

    def __getattr__(self, name: str) -> "_Absent":
        if name.startswith("__"):
            raise AttributeError(name)
        return _Absent(f"{self._path}.{name}")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"migrated code called {self._path}, which TF2 does not have")


def migrated_side(repos: list[str], outdir: str) -> None:
    import tensorflow as tf

    install_estimator_spec(tf)

    for repo in repos:
        root = Path(repo)
        with _repo_modules_forgotten(root):
            (Path(outdir) / f"{root.name}.migrated.pkl").write_bytes(pickle.dumps(_migrated_repo(tf, root)))


def _migrated_repo(tf: Any, root: Path) -> dict[str, Any]:
    manifest = json.loads((root / "probe.json").read_text())
    if hasattr(tf, "contrib"):
        del tf.contrib  # a previous repo's placeholder
    for name in [n for n in sys.modules if n == "tensorflow.contrib" or n.startswith("tensorflow.contrib.")]:
        del sys.modules[name]
    results: dict[str, Any] = {"imports": import_all(root), "entries": []}
    if results["imports"]:
        # TF1 code a file keeps (`slim = tf.contrib.slim` at module level) stops the import on
        # TF2, as it did before migration: an inert tf.contrib lets the converted classes in such
        # a file be probed; any use of it (not a mere alias) still fails.
        tf.contrib = _Absent("tf.contrib")
        sys.modules["tensorflow.contrib"] = tf.contrib  # `from tensorflow.contrib import rnn` too
        for sub in ("slim", "layers", "rnn", "seq2seq", "legacy_seq2seq", "framework", "training"):
            sys.modules[f"tensorflow.contrib.{sub}"] = getattr(tf.contrib, sub)  # `import tensorflow.contrib.slim as slim`
        for name in repo_modules(root):
            sys.modules.pop(name, None)
        results["contrib_placeholder"] = True
    for entry in manifest["entries"]:
        try:
            results["entries"].append(_migrated_entry(tf, root, entry))
        except BaseException:  # noqa: BLE001 - recorded per entry
            results["entries"].append({"error": traceback.format_exc()[-2500:]})
    return results


def _migrated_entry(tf: Any, root: Path, entry: dict[str, Any]) -> dict[str, Any]:
    from tf_keras.src.legacy_tf_layers.migration_utils import DeterministicRandomTestTool

    if entry.get("mode") == "script":
        return _migrated_script(tf, root, entry, DeterministicRandomTestTool)
    if entry.get("mode") == "graph":
        return _migrated_graph(tf, root, entry, DeterministicRandomTestTool)
    relpath, _, target = entry["entry"].partition(":")
    module = import_entry_module(root, relpath)
    arrays = input_arrays(entry.get("inputs", {}))
    tensors = {n: tf.constant(a) for n, a in arrays.items()}
    build, kind, notes = _migrated_callable(tf, module, target, entry, tensors)
    result: dict[str, Any] = {"kind": kind, "notes": notes}
    created: list[Any] = []
    initial: dict[int, Any] = {}

    def creator(next_creator: Any, **kwargs: Any) -> Any:
        var = next_creator(**kwargs)
        created.append(var)
        initial[id(var)] = var.numpy()
        return var

    with DeterministicRandomTestTool(mode="constant").scope():
        with tf.variable_creator_scope(creator):
            instance, call = build()
            outputs = flatten(call())
    names = [v.name for v in created]
    result["duplicate_names"] = sorted({n for n in names if names.count(n) > 1})
    result["variables"] = {v.name: (tuple(v.shape.as_list()), v.dtype.base_dtype.name, v.trainable,
                                    initial[id(v)]) for v in created}
    if instance is not None and isinstance(instance, tf.Module):
        result["module_variables"] = sorted({v.name for v in instance.variables})
    elif instance is not None:
        notes.append(f"the migrated {type(instance).__name__} is not a tf.Module: nothing tracks its variables")
    result["outputs"] = {p: t.numpy() for p, t in outputs}
    for v in created:
        if is_weight(v.name, v.trainable):
            v.assign(perturbed(v.name, tuple(v.shape.as_list()), v.dtype.base_dtype.name))
    replay = Replay(tf, created)
    with DeterministicRandomTestTool(mode="constant").scope():
        if kind == "function":
            with tf.variable_creator_scope(replay.creator):
                again = call()
        else:
            before = len(created)
            with tf.variable_creator_scope(creator):
                again = call()
            result["second_call_new"] = [v.name for v in created[before:]]
    result["outputs_perturbed"] = {p: t.numpy() for p, t in flatten(again)}
    result["after_call"] = {v.name: v.numpy() for v in created}
    if isinstance(instance, tf.Module):  # at the perturbed weights, as the legacy side's
        losses = [loss for m in (instance,) + tuple(instance.submodules)
                  if callable(getattr(m, "regularization_losses", None))
                  for loss in m.regularization_losses()]
        result["reg_loss"] = float(sum(float(x) for x in losses)) if losses else None
    result["replay_unmatched"] = replay.unmatched
    if kind == "function":  # it builds modules per call: under tf.function they get call 1's variables
        for v in created:
            v.assign(initial[id(v)])
        result["tf_function"] = _under_tf_function(tf, build, DeterministicRandomTestTool, Replay(tf, created))
    else:
        result["tf_function"] = _under_tf_function(tf, build, DeterministicRandomTestTool)
    return result


def _under_tf_function(tf: Any, build: Any, tool: Any, replay: Replay | None = None) -> dict[str, Any]:
    fresh: list[Any] = []

    def creator(next_creator: Any, **kwargs: Any) -> Any:
        var = next_creator(**kwargs)
        fresh.append(var)
        return var

    def traced_call() -> Any:
        if replay is None:
            return call()
        replay.reset()
        with tf.variable_creator_scope(replay.creator):
            return call()

    try:
        with tool(mode="constant").scope():
            with tf.variable_creator_scope(creator):
                _, call = build()
                fn = tf.function(traced_call)
                traced = {p: t.numpy() for p, t in flatten(fn())}
            variables = fresh if replay is None else [v for pool in replay.pools.values() for v in pool]
            for v in variables:
                if is_weight(v.name, v.trainable):
                    v.assign(perturbed(v.name, tuple(v.shape.as_list()), v.dtype.base_dtype.name))
            traced_perturbed = {p: t.numpy() for p, t in flatten(fn())}
        names = fresh if replay is None else variables
        if replay is not None and (fresh or replay.unmatched):
            return {"error": f"under tf.function the function entry created {sorted({v.name for v in fresh})[:6]}"}
        return {"outputs": traced, "outputs_perturbed": traced_perturbed, "names": sorted(v.name for v in names)}
    except Exception as exc:  # noqa: BLE001 - a failed check
        return {"error": f"{type(exc).__name__}: {exc}"[-900:]}


def _migrated_script(tf: Any, root: Path, entry: dict[str, Any], tool: Any) -> dict[str, Any]:
    import runpy

    relpath = entry["entry"]
    created: list[Any] = []
    initial: dict[int, Any] = {}

    def creator(next_creator: Any, **kwargs: Any) -> Any:
        var = next_creator(**kwargs)
        created.append(var)
        initial[id(var)] = var.numpy()
        return var

    sys.path.insert(0, str((root / relpath).parent))
    with tool(mode="constant").scope(), tf.variable_creator_scope(creator):
        namespace = runpy.run_path(str(root / relpath), run_name="__probe__")
    names = [v.name for v in created]
    return {"kind": "script", "notes": [], "duplicate_names": sorted({n for n in names if names.count(n) > 1}),
            "variables": {v.name: (tuple(v.shape.as_list()), v.dtype.base_dtype.name, v.trainable,
                                   initial[id(v)]) for v in created},
            "outputs": {name: tf.convert_to_tensor(namespace[name]).numpy() for name in entry.get("values", [])}}


def _migrated_graph(tf: Any, root: Path, entry: dict[str, Any], tool: Any) -> dict[str, Any]:
    """A training-graph builder (a host: stays graph code) run in a TF1 graph on TF2."""
    v1 = tf.compat.v1
    relpath, _, target = entry["entry"].partition(":")
    module = import_entry_module(root, relpath)
    arrays = input_arrays(entry.get("inputs", {}))
    result: dict[str, Any] = {"kind": "graph", "notes": []}
    graph = tf.Graph()
    with tool(mode="constant").scope(), graph.as_default():
        feeds = {n: v1.placeholder(a.dtype, a.shape, name=n) for n, a in arrays.items()}
        build, kind, notes = _migrated_callable(tf, module, target, entry, feeds)
        result["notes"] = notes
        _, call = build()
        outputs = flatten(call())
        tensors = [(p, t) for p, t in outputs if isinstance(t, tf.Tensor)]
        ops = [t for _, t in outputs if isinstance(t, tf.Operation)]
        variables = v1.global_variables()
        trainable = set(v1.trainable_variables())
        with v1.Session(graph=graph) as sess:
            sess.run(v1.global_variables_initializer())
            feed = {feeds[n]: a for n, a in arrays.items()}
            result["variables"] = {v.name: (tuple(v.shape.as_list()), v.dtype.base_dtype.name, v in trainable,
                                            sess.run(v)) for v in variables}
            result["outputs"] = dict(zip([p for p, _ in tensors], sess.run([t for _, t in tensors], feed)))
            for v in variables:
                shape, dtype, trainable = result["variables"][v.name][:3]
                if is_weight(v.name, trainable):
                    v.load(perturbed(v.name, shape, dtype), sess)
            result["outputs_perturbed"] = dict(zip([p for p, _ in tensors], sess.run([t for _, t in tensors], feed)))
            result["after_call"] = {v.name: sess.run(v) for v in variables}
            if ops:
                for op in ops:
                    sess.run(op, feed)
                result["after_step"] = {v.name: sess.run(v) for v in variables}
                result["outputs_after_step"] = dict(zip([p for p, _ in tensors],
                                                        sess.run([t for _, t in tensors], feed)))
    result["duplicate_names"] = []
    return result


# ------------------------------------------------------------------ comparison


def _close(a: Any, b: Any, rtol: float = 1e-6, atol: float = 1e-5) -> bool:
    import numpy as np

    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True))


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return list(a) == list(b) and all(_close(a[k], b[k]) for k in a)


def compare(old: dict[str, Any], new: dict[str, Any], entry: dict[str, Any]) -> list[str]:
    import numpy as np

    problems: list[str] = []
    ov, nv = old["variables"], new["variables"]
    if set(ov) != set(nv):
        problems.append(f"variable names: only legacy {sorted(set(ov) - set(nv))[:8]}, "
                        f"only migrated {sorted(set(nv) - set(ov))[:8]}")
    if new["duplicate_names"]:
        problems.append(f"a name created twice (an unshared module?): {new['duplicate_names'][:6]}")
    if "module_variables" in new and not set(nv) <= set(new["module_variables"]):
        problems.append(f"module.variables misses {sorted(set(nv) - set(new['module_variables']))[:6]}")
    for name in sorted(set(ov) & set(nv)):
        (os_, od, ot, oval), (ns, nd, nt, nval) = ov[name], nv[name]
        if (os_, od, ot) != (ns, nd, nt):
            problems.append(f"{name}: legacy {os_} {od} trainable={ot}, migrated {ns} {nd} trainable={nt}")
        elif not np.array_equal(oval, nval):
            problems.append(f"{name}: initial values differ")
    if not old["outputs"]:
        problems.append("the entry returned no tensor")
    if not _same(old["outputs"], new["outputs"]):
        problems.append("outputs differ at the initial weights")
    if entry.get("mode") == "script":
        return problems
    if not _same(old["outputs_perturbed"], new["outputs_perturbed"]):
        problems.append("outputs differ after perturbing every weight")
    unordered = entry.get("unordered_updates", False)  # TF1 runs two updates of one statistic in either order
    for name in sorted(set(ov) & set(nv)):
        if unordered and "moving_" in name:
            continue
        if not _close(old["after_call"][name], new["after_call"][name]):
            problems.append(f"{name}: differs after the (training-mode) call")
    if "after_step" in old or "after_step" in new:
        if set(old.get("after_step", {})) != set(new.get("after_step", {})):
            problems.append("the training step ran on one side only")
        else:
            bad = [n for n in old["after_step"] if not _close(old["after_step"][n], new["after_step"][n])
                   and not (unordered and "moving_" in n)]
            if bad:
                problems.append(f"variables differ after one training step: {bad[:6]}")
            if not _same(old["outputs_after_step"], new["outputs_after_step"]):
                problems.append("outputs differ after one training step")
    if "reg_loss" in new and old.get("reg_loss") is not None or new.get("reg_loss") is not None:
        if old.get("reg_loss") is None or new.get("reg_loss") is None or not _close(old["reg_loss"], new["reg_loss"]):
            problems.append(f"regularization loss: legacy {old.get('reg_loss')}, migrated {new.get('reg_loss')}")
    if new.get("second_call_new"):
        problems.append(f"a second call created {new['second_call_new'][:6]}")
    if new.get("replay_unmatched"):
        problems.append(f"a later call of the function entry asked for new variables {new['replay_unmatched'][:6]}")
    tf_fn = new.get("tf_function")
    if tf_fn is not None:
        if "error" in tf_fn:
            problems.append(f"tf.function: {tf_fn['error']}")
        else:
            if tf_fn["names"] != sorted(nv):
                problems.append("tf.function created other variable names")
            if not _same(tf_fn["outputs"], new["outputs"]):
                problems.append("tf.function outputs differ (initial weights)")
            if not _same(tf_fn["outputs_perturbed"], new["outputs_perturbed"]):
                problems.append("tf.function outputs differ (perturbed weights)")
    return problems


# ------------------------------------------------------------------ static measurements


_VARIABLE_CALLS = {"variable_scope", "get_variable"}


def variable_calls(text: str) -> int:
    count = 0
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            count += name in _VARIABLE_CALLS
    return count


def undefined_names(text: str, filename: str) -> set[str]:
    from pyflakes import api, messages

    class Collect:
        def __init__(self) -> None:
            self.names: set[str] = set()

        def unexpectedError(self, *a: Any) -> None:  # noqa: N802 - pyflakes' reporter API
            pass

        def syntaxError(self, *a: Any) -> None:  # noqa: N802
            self.names.add("<syntax error>")

        def flake(self, message: Any) -> None:
            if isinstance(message, (messages.UndefinedName, messages.UndefinedExport)):
                self.names.add(str(message.message_args[0]))

    reporter = Collect()
    api.check(text, filename, reporter)
    return reporter.names


def tf1_leftovers(text: str) -> list[str]:
    """TF1-only spellings the migrated file still uses (hosts keep tf.compat.v1 on purpose)."""
    found = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Attribute):
            parts, expr = [], node
            while isinstance(expr, ast.Attribute):
                parts.append(expr.attr)
                expr = expr.value
            if isinstance(expr, ast.Name):
                dotted = ".".join([expr.id] + parts[::-1])
                if dotted.startswith(("tf.compat.v1.", "tf.contrib.")):
                    found.add(".".join(dotted.split(".")[:4]))
    return sorted(found)


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for f in sorted(root.rglob("*.py")):
        digest.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


def _relative(reported: str, migrated: Path) -> str:
    """A report path (relative to the run's directory) as a path inside the migrated repo."""
    marker = f"{migrated.name}/"
    return reported.split(marker, 1)[1] if marker in reported else reported


def static_report(original: Path, migrated: Path, report: dict[str, Any]) -> dict[str, Any]:
    files: dict[str, Any] = {}
    before = after = 0
    for old in sorted(original.rglob("*.py")):
        rel = str(old.relative_to(original))
        new = migrated / rel
        old_text, new_text = old.read_text(), new.read_text()
        b = variable_calls(old_text)
        try:
            a = variable_calls(new_text)
            parses = True
        except SyntaxError:
            a, parses = b, False
        before += b
        after += a
        files[rel] = {"calls_before": b, "calls_after": a, "changed": old_text != new_text,
                      "parses": parses,
                      "new_undefined": sorted(undefined_names(new_text, rel) - undefined_names(old_text, rel)),
                      "tf1_left": tf1_leftovers(new_text) if parses and old_text != new_text else []}
    refusals = [f"{d['path'].split('/')[-1] if '/' in d['path'] else d['path']}:{d['line']}: {d['code']}: {d['message'][:300]}"
                for f in report.get("files", []) for d in f.get("diagnostics", [])
                if d["severity"] in ("warning", "error")]
    histogram: dict[str, int] = {}
    for f in report.get("files", []):
        for d in f.get("diagnostics", []):
            if d["severity"] in ("warning", "error"):
                histogram[d["code"]] = histogram.get(d["code"], 0) + 1
    converted: dict[str, list[str]] = {}
    file_refusals: dict[str, list[str]] = {}
    for f in report.get("files", []):
        rel = _relative(f["path"], migrated)
        converted[rel] = [fn["legacy_name"].split(".")[-1] for fn in f.get("functions", [])]
        file_refusals[rel] = [(d["line"], f"{d['code']}: {d['message'][:160]}") for d in f.get("diagnostics", [])
                              if d["code"] in _STRUCTURAL_REFUSALS and d["severity"] != "info"]
    return {"files": files, "calls_before": before, "calls_after": after,
            "converted": converted, "file_refusals": file_refusals,
            "functions_converted": report.get("summary", {}).get("functions_converted", 0),
            "classes": sorted(fn["class_name"] for f in report.get("files", []) for fn in f.get("functions", [])),
            "support_module": any((migrated / p.relative_to(original).parent / SUPPORT).exists()
                                  for p in original.rglob("*.py")),
            "refusals": refusals, "reasons": histogram}


# ------------------------------------------------------------------ driver


def _side(side: str, repos: list[Path], outdir: Path) -> subprocess.Popen:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="", PYTHONHASHSEED="0")
    env["TF_USE_LEGACY_KERAS"] = "1" if side == "legacy" else "0"
    env["PYTHONPATH"] = str(ROOT)  # the probe itself; each repo goes on sys.path in the side
    return subprocess.Popen([PYTHON, "-m", "tests.repo_probe.probe", f"--{side}", str(outdir)] + [str(r) for r in repos],
                            cwd=str(ROOT), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def migrate_repo(source: Path, work: Path) -> dict[str, Any]:
    """Copy, migrate one copy in place, measure; the entry points run later, all repos at once."""
    legacy, migrated = work / "legacy" / source.name, work / "migrated" / source.name
    shutil.copytree(source, legacy)
    shutil.copytree(source, migrated)
    report_path = work / "report.json"
    run = subprocess.run([MIGRATE, "run", "-j", "1", "--no-progress", "--report", str(report_path), str(migrated)],
                         capture_output=True, text=True, cwd=str(work))
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    result = {"repo": source.name, "run_exit": run.returncode,
              "run_stderr": run.stderr[-2000:] if run.returncode else "",
              "legacy_dir": str(legacy), "migrated_dir": str(migrated)}
    result.update(static_report(legacy, migrated, report))
    digest = tree_digest(migrated)
    again = work / "second" / source.name  # a copy: the entries are probed on the first run's output
    shutil.copytree(migrated, again)
    second = subprocess.run([MIGRATE, "run", "-j", "1", "--no-progress", str(again)],
                            capture_output=True, text=True, cwd=str(work))
    result["idempotent"] = second.returncode == 0 and tree_digest(again) == digest
    result["imports_migrate"] = [str(p.relative_to(migrated)) for p in migrated.rglob("*.py")
                                 if "import migrate" in p.read_text() or "from migrate" in p.read_text()]
    return result


def run_entries(results: list[dict[str, Any]], outdir: Path) -> None:
    """Two TensorFlow processes (legacy, migrated) in parallel for every repository."""
    procs = {s: _side(s, [Path(r[f"{s}_dir"]) for r in results], outdir) for s in ("legacy", "migrated")}
    logs = {s: p.communicate()[0] for s, p in procs.items()}
    for result in results:
        sides: dict[str, Any] = {}
        for side in ("legacy", "migrated"):
            out = outdir / f"{result['repo']}.{side}.pkl"
            sides[side] = pickle.loads(out.read_bytes()) if out.exists() else {"crash": logs[side][-3000:]}
        finish_repo(result, sides)


def finish_repo(result: dict[str, Any], sides: dict[str, Any]) -> None:
    legacy = Path(result["legacy_dir"])
    manifest = json.loads((legacy / "probe.json").read_text())
    if "crash" in sides["legacy"] or "crash" in sides["migrated"]:
        result["crash"] = {s: r.get("crash", "") for s, r in sides.items()}
        result["entries"] = []
        return
    contrib_before = {module_name(legacy, f) for f in legacy.rglob("*.py") if "contrib" in f.read_text()}
    result["new_import_errors"] = {m: e for m, e in sides["migrated"]["imports"].items()
                                   if m not in sides["legacy"]["imports"]
                                   and not ("contrib" in e and m in contrib_before | _importers(legacy, contrib_before))}
    result["tf2_import_errors_as_before"] = {m: e for m, e in sides["migrated"]["imports"].items()
                                             if m not in result["new_import_errors"]}
    result["legacy_import_errors"] = sides["legacy"]["imports"]
    entries = []
    for entry, old, new in zip(manifest["entries"], sides["legacy"]["entries"], sides["migrated"]["entries"]):
        label = _label(entry, manifest["entries"])
        if "error" in old:
            entries.append({"entry": label, "verdict": "LEGACY ERROR", "problems": [old["error"]]})
        elif "error" in new:
            still = (_still_tf1(Path(result["migrated_dir"]), entry["entry"]) or _refused(result, entry["entry"])
                     or (not _converted(result, entry["entry"])
                         and _ran_tf1_code(Path(result["migrated_dir"]), new["error"])))
            verdict = "NOT CONVERTED" if still else "MIGRATED ERROR"
            entries.append({"entry": label, "verdict": verdict,
                            "problems": [still] if still else [new["error"]]})
        elif _refused(result, entry["entry"]) and entry.get("compare_refused") and compare(old, new, entry):
            # refused, yet the kept TF1 code runs converted callees (a half conversion): its
            # behaviour must still be the original's
            entries.append({"entry": label, "verdict": "FAILED", "kind": new["kind"],
                            "variables": len(old["variables"]), "notes": new.get("notes", []),
                            "problems": [f"refused ({_refused(result, entry['entry'])}), but it runs converted code "
                                         "and behaves differently:"] + compare(old, new, entry)})
        elif _refused(result, entry["entry"]):
            entries.append({"entry": label, "verdict": "NOT CONVERTED", "problems": [_refused(result, entry["entry"])]})
        else:
            problems = compare(old, new, entry)
            entries.append({"entry": label, "verdict": "FAILED" if problems else "PROVEN", "kind": new["kind"],
                            "variables": len(old["variables"]), "notes": new.get("notes", []),
                            "problems": problems})
    for item, entry in zip(entries, manifest["entries"]):
        if entry.get("known"):  # a failure the findings file explains (tests/test_repo_probe.py allows it)
            item["known"] = entry["known"]
    result["entries"] = entries


def _label(entry: dict[str, Any], entries: list[dict[str, Any]]) -> str:
    """The entry's name, with its mode and arguments when the manifest has it more than once."""
    twins = [e for e in entries if e["entry"] == entry["entry"]]
    label = entry["entry"]
    if len(twins) > 1 and len({e.get("mode", "eager") for e in twins}) > 1:
        label += f" [{entry.get('mode', 'eager')}]"
    if "training" in json.dumps(entry.get("args", {})) or (
            len(twins) > 1 and len({json.dumps(e.get("args", {}), sort_keys=True) for e in twins}) > 1):
        label += f" {entry.get('args', {})}"
    return label


_TF1_VARIABLE_API = ("compat.v1.variable_scope", "compat.v1.get_variable", "compat.v1.layers", "tf.contrib.")


def _still_tf1(repo: Path, entry: str) -> str:
    """Why an entry that fails on TF2 was never meant to run there: its def stayed TF1 (refused)."""
    relpath, _, target = entry.partition(":")
    try:
        tree = ast.parse((repo / relpath).read_text())
    except (OSError, SyntaxError):
        return ""
    owner, _, method = target.partition(".")
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == owner and method:
            node = next((m for m in node.body if isinstance(m, ast.FunctionDef) and m.name == method), None)
        elif not (isinstance(node, ast.FunctionDef) and node.name == owner and not method):
            continue
        if node is not None:
            text = ast.unparse(node)
            used = [api for api in _TF1_VARIABLE_API if api in text]
            if used:
                return f"the entry stayed TF1 code (refused: see the refusals above); it uses {used}"
    return ""


def _converted(result: dict[str, Any], entry: str) -> bool:
    """The run converted the entry's own def (a failure below it is then a half conversion)."""
    relpath, _, target = entry.partition(":")
    return bool(target) and target.split(".")[-1] in result["converted"].get(relpath, ())


def _ran_tf1_code(repo: Path, error: str) -> str:
    """An entry whose migrated run failed inside code the run kept as TF1 (a refused callee, a
    model class left as graph code): the failing frame's def in the migrated tree uses TF1's
    variable API or tf.contrib, so the entry was never converted (the refusal is reported)."""
    import re

    root = str(repo.resolve())
    for path, line in reversed(re.findall(r'File "([^"]+)", line (\d+)', error)):
        if not path.startswith(root + os.sep):
            continue
        try:
            tree = ast.parse(Path(path).read_text())
        except (OSError, SyntaxError):
            continue
        defs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)
                and n.lineno <= int(line) <= (n.end_lineno or n.lineno)]
        if not defs:
            continue
        inner = max(defs, key=lambda n: n.lineno)
        used = [api for api in _TF1_VARIABLE_API if api in ast.unparse(inner)]
        if used:
            rel = Path(path).relative_to(root)
            return f"the entry runs code the run kept as TF1 ({rel}:{inner.name} uses {used}; refused above)"
        return ""
    return ""


_STRUCTURAL_REFUSALS = {"unsupported-call", "unconvertible-callee", "dynamic-scope", "dynamic-reuse",
                        "unsupported-scope", "decorated", "cross-file", "imported-elsewhere", "implicit-creator",
                        "scope-lookup", "custom-getter", "make-template", "partitioner", "collections"}


def _refused(result: dict[str, Any], entry: str) -> str:
    """An entry the run left as TF1 code: a structural refusal reported inside its def."""
    relpath, _, target = entry.partition(":")
    if not target or target.split(".")[-1] in result["converted"].get(relpath, ()):
        return ""
    try:
        tree = ast.parse((Path(result["legacy_dir"]) / relpath).read_text())
    except (OSError, SyntaxError):
        return ""
    owner, _, method = target.partition(".")
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in (owner, method):
            spans.append((node.lineno, node.end_lineno or node.lineno))
    reasons = [text for line, text in result["file_refusals"].get(relpath, [])
               if any(a <= line <= b for a, b in spans)]
    return f"the entry stayed TF1 code: {reasons[:2]}" if reasons else ""


def _importers(repo: Path, modules: set[str]) -> set[str]:
    """Modules of the repo importing one of `modules`, directly or through another module of the
    repo (`from module import *` over `ops.py`'s `import tensorflow.contrib.slim`): their import
    fails on TF2 as before."""
    imports: dict[str, set[str]] = {}
    for f in repo.rglob("*.py"):
        heads = set()
        for node in ast.walk(ast.parse(f.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            heads.update(n.split(".")[0] for n in names)
        imports[module_name(repo, f)] = heads
    found: set[str] = set()
    failing = {m.split(".")[0] for m in modules}
    while True:
        more = {m for m, heads in imports.items() if m not in found and heads & failing}
        if not more:
            return found
        found |= more
        failing |= {m.split(".")[0] for m in more}


def print_result(r: dict[str, Any]) -> None:
    eliminated = r["calls_before"] - r["calls_after"]
    share = eliminated / r["calls_before"] if r["calls_before"] else 0.0
    print(f"== {r['repo']}: calls {r['calls_before']} -> {r['calls_after']} ({share:.0%} eliminated), "
          f"functions converted {r['functions_converted']}, idempotent {r['idempotent']}, "
          f"support module {r['support_module']}")
    if r.get("run_stderr"):
        print("   migrate run failed:", r["run_stderr"][-600:])
    for rel, f in r["files"].items():
        flags = []
        if f["new_undefined"]:
            flags.append(f"NEW UNDEFINED {f['new_undefined']}")
        if not f["parses"]:
            flags.append("STOPPED PARSING")
        if f["tf1_left"]:
            flags.append(f"tf1 left: {f['tf1_left']}")
        print(f"   {rel}: {f['calls_before']} -> {f['calls_after']}{'' if f['changed'] else ' (unchanged)'}"
              + (("  " + "; ".join(flags)) if flags else ""))
    for m, e in r.get("new_import_errors", {}).items():
        print(f"   NEW IMPORT ERROR {m}: {e}")
    for m, e in r.get("tf2_import_errors_as_before", {}).items():
        print(f"   import fails on TF2 as the original does ({e}): {m}")
    if r["imports_migrate"]:
        print(f"   IMPORTS MIGRATE: {r['imports_migrate']}")
    for line in r["refusals"]:
        print(f"   refused: {line}")
    if r.get("crash"):
        for side, log in r["crash"].items():
            if log:
                print(f"   {side} side crashed:\n{log[-1500:]}")
    for e in r["entries"]:
        extra = f" [{e.get('kind')}, {e.get('variables')} variables]" if e["verdict"] == "PROVEN" else ""
        known = f" (known: {e['known']})" if e.get("known") and e["verdict"] != "PROVEN" else ""
        print(f"   {e['verdict']}: {e['entry']}{extra}{known}")
        for note in e.get("notes", []):
            print(f"      note: {note}")
        for p in e["problems"]:
            print("      - " + p.replace("\n", "\n        ")[-1800:])
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    if argv[:1] in (["--legacy"], ["--migrated"]):
        sys.path.insert(0, str(ROOT))
        (legacy_side if argv[0] == "--legacy" else migrated_side)(argv[2:], argv[1])
        return 0
    options = {}
    for flag in ("--json", "--keep"):
        if flag in argv:
            i = argv.index(flag)
            options[flag] = argv[i + 1]
            argv = argv[:i] + argv[i + 2:]
    json_out = options.get("--json")
    names = argv or sorted(p.name for p in REPOS.iterdir() if (p / "probe.json").exists())
    results = []
    with tempfile.TemporaryDirectory(prefix="repo-probe-") as tmp:
        if "--keep" in options:  # the copies, reports and side logs stay there for a look
            tmp = options["--keep"]
            keep = Path(tmp)
            if keep.exists() and any(keep.iterdir()) and not (keep / ".repo-probe").exists():
                print(f"--keep {tmp}: not empty and not an earlier probe's directory", file=sys.stderr)
                return 2
            shutil.rmtree(tmp, ignore_errors=True)
            keep.mkdir(parents=True)
            (keep / ".repo-probe").write_text("tests/repo_probe/probe.py output; deleted by the next --keep run\n")
        for name in names:
            results.append(migrate_repo(REPOS / name, Path(tmp) / name))
        run_entries(results, Path(tmp))
        for result in results:
            print_result(result)
    before = sum(r["calls_before"] for r in results)
    after = sum(r["calls_after"] for r in results)
    proven = sum(e["verdict"] == "PROVEN" for r in results for e in r["entries"])
    total = sum(len(r["entries"]) for r in results)
    with_functions = sum(r["functions_converted"] > 0 for r in results)
    broken = sum(bool(f["new_undefined"]) or not f["parses"] for r in results for f in r["files"].values())
    import_errors = sum(len(r.get("new_import_errors", {})) for r in results)
    not_idempotent = [r["repo"] for r in results if not r["idempotent"]]
    print(f"\nTOTAL: {len(results)} repos, calls {before} -> {after} "
          f"({(before - after) / before if before else 0:.0%} eliminated), functions converted in "
          f"{with_functions}/{len(results)} repos, entry points proven {proven}/{total}, files gaining "
          f"undefined names or not parsing {broken}, new import errors {import_errors}, "
          f"not idempotent {not_idempotent or 'none'}")
    if json_out:
        Path(json_out).write_text(json.dumps(results, indent=1, default=str))
    healthy = broken == 0 and import_errors == 0 and not not_idempotent
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
