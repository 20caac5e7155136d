"""The legacy side: run TF1 code under TF1 semantics (graph mode), one fresh tf.Graph per entry.

Run as `python -m migrate.checker.legacy_runner SPEC.json`. One process serves a whole batch:
TensorFlow's start-up (~3 s) is paid once, and `disable_v2_behavior()` is process-global anyway.
"""

from __future__ import annotations

import builtins
import importlib.abc
import importlib.machinery
import os
import sys
from typing import Any

from migrate.checker import runner_common as rc
from migrate.checker.values import weight_array


class _Recorder:
    """Variables one entry created, in creation order, and the user call sites that resolved
    to each (creation through the variable creator, reuse through VariableScope.get_variable)."""

    def __init__(self, roots: list[str]) -> None:
        self.roots = roots
        self.created: list[Any] = []
        self.sites: dict[int, list[str]] = {}
        self.active = False

    def note(self, var: Any, created: bool) -> None:
        if not self.active:
            return
        parts = list(getattr(var, "_variable_list", None) or [var])  # PartitionedVariable
        site = rc.call_site(self.roots, skip=1)
        for part in parts:
            if created and all(part is not v for v in self.created):
                self.created.append(part)
            if site:
                sites = self.sites.setdefault(id(part), [])
                if site not in sites:
                    sites.append(site)


def _shim_builtins(v1: Any) -> dict[str, Any]:
    """Builtins whose `__import__` hands `tensorflow` out as `tensorflow.compat.v1`.

    Only modules executed with these builtins see the shim (the legacy file and user modules it
    imports); TensorFlow's own modules keep the real import. Submodule imports
    (`from tensorflow.compat import v1`, `import tensorflow.contrib...`) go through the real
    import, so a missing `tf.contrib` fails there, with its own message.
    """
    real_import = builtins.__import__

    def v1_import(name: str, globals: Any = None, locals: Any = None,
                  fromlist: Any = (), level: int = 0) -> Any:
        module = real_import(name, globals, locals, fromlist, level)
        if level == 0 and (name == "tensorflow" or name.startswith("tensorflow.")):
            # `import tensorflow[.x.y] [as tf]` binds the top package: make that v1.
            # `from tensorflow import layers` reads attributes of the top package: v1 too.
            if not fromlist or name == "tensorflow":
                return v1
        return module

    shim = dict(builtins.__dict__)
    shim["__import__"] = v1_import
    return shim


class _ShimLoader(importlib.machinery.SourceFileLoader):
    shim: dict[str, Any] = {}

    def exec_module(self, module: Any) -> None:
        module.__dict__["__builtins__"] = self.shim
        super().exec_module(module)


class _UserModuleFinder(importlib.abc.MetaPathFinder):
    """Gives the user's own modules (siblings of the legacy file) the v1 import shim too."""

    def __init__(self, roots: list[str]) -> None:
        self.roots = roots

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if (spec is not None and isinstance(spec.loader, importlib.machinery.SourceFileLoader)
                and rc.is_user_file(spec.origin, self.roots)):
            spec.loader = _ShimLoader(spec.loader.name, spec.loader.path)
            return spec
        return None


def main(spec_path: str) -> int:
    timer = rc.Timer()
    spec = rc.load_spec(spec_path)
    import tensorflow as tf

    tf.compat.v1.disable_v2_behavior()
    from migrate.checker import legacy_contrib
    from tensorflow.python.ops import variable_scope as vs

    legacy_contrib.install(tf)  # tf.contrib (layers, slim, framework, rnn, training) via tf_slim
    from tf_keras.src.legacy_tf_layers.migration_utils import DeterministicRandomTestTool
    DeterministicRandomTestTool = rc.numpy_seeded(DeterministicRandomTestTool)

    import_seconds = timer.seconds()
    rc.write_started(spec["outdir"], "legacy", import_seconds)
    v1 = tf.compat.v1
    roots = rc.user_roots([e["legacy_path"] for e in spec["entries"]])
    recorder = _Recorder(roots)
    shim = _shim_builtins(v1)
    _ShimLoader.shim = shim
    sys.meta_path.insert(0, _UserModuleFinder(roots))

    # Reuse never reaches the variable creator: hook the scope lookup to see every call site.
    original_get_variable = vs.VariableScope.get_variable

    def get_variable(self: Any, *args: Any, **kwargs: Any) -> Any:
        var = original_get_variable(self, *args, **kwargs)
        recorder.note(var, created=False)
        return var

    vs.VariableScope.get_variable = get_variable

    def creator(next_creator: Any, **kwargs: Any) -> Any:
        var = next_creator(**kwargs)
        recorder.note(var, created=True)
        return var

    for entry in spec["entries"]:
        result = rc.EntryResult("legacy", entry["id"])
        before = set(sys.modules)
        recorder.created, recorder.sites = [], {}
        try:
            _run_entry(tf, entry, spec, result, recorder, shim, creator, DeterministicRandomTestTool)
        except BaseException as exc:  # noqa: BLE001 - user code may raise anything, even SystemExit
            if isinstance(exc, KeyboardInterrupt):
                raise
            result.fail(*rc.describe_error(exc, roots))
        finally:
            recorder.active = False
            rc.purge_user_modules(before, roots)
        result.write(spec["outdir"])
    rc.write_done(spec["outdir"], "legacy", {"import_seconds": import_seconds,
                                             "total_seconds": timer.seconds()})
    return 0


def _run_entry(tf: Any, entry: dict[str, Any], spec: dict[str, Any], result: rc.EntryResult,
               recorder: _Recorder, shim: dict[str, Any], creator: Any, tool_cls: Any) -> None:
    import numpy as np

    v1 = tf.compat.v1
    graph = tf.Graph()
    tool = tool_cls(mode=spec["mode"])
    feed: dict[Any, Any] = {}
    outputs: Any = None
    with graph.as_default():  # before tool.scope(): its set_seed applies to the default graph
        with tool.scope(), v1.variable_creator_scope(creator):
            recorder.active = True
            module = rc.load_user_module(entry["legacy_path"], as_main=entry["script"], builtins=shim)
            if not entry["script"]:
                args, init_args = rc.resolve_args(entry, module, "legacy", shim)
                arrays = dict(np.load(entry["inputs_npz"])) if entry.get("inputs_npz") else {}
                tensors = {}
                for name, arr in arrays.items():
                    ph = v1.placeholder(tf.as_dtype(arr.dtype), shape=arr.shape, name=name)
                    feed[ph] = arr
                    tensors[name] = ph
                outputs = _call_legacy(module, entry["function"], tensors, args, init_args,
                                       result)
            recorder.active = False
    variables = list(recorder.created)

    if entry["script"]:
        _script_values(tf, variables, recorder, result)
        return

    with graph.as_default():
        fetch_plan = _output_fetches(tf, outputs, result)
        tensors_out = [t for t in fetch_plan if t is not None]
        float_vars = [v for v in variables if v.dtype.base_dtype.is_floating]
        grads = None
        float_outs = [t for t in tensors_out if isinstance(t, (tf.Tensor, tf.Variable))
                      and t.dtype.base_dtype.is_floating]
        if float_outs and float_vars:
            try:
                total = tf.add_n([tf.reduce_sum(tf.cast(t, tf.float64)) for t in float_outs])
                grads = [tf.convert_to_tensor(g) for g in
                         tf.gradients(total, float_vars, unconnected_gradients="zero")]
            except Exception as exc:  # noqa: BLE001 - e.g. an op without a registered gradient
                result.meta["grad_error"] = rc.describe_error(exc, recorder.roots)[0]
        reg_losses = v1.get_collection(v1.GraphKeys.REGULARIZATION_LOSSES)
        # Batch-norm moving statistics: TF1 code runs UPDATE_OPS with its training step.
        update_ops = v1.get_collection(v1.GraphKeys.UPDATE_OPS)
        reg_total = (tf.add_n([tf.reduce_sum(tf.cast(r, tf.float64)) for r in reg_losses])
                     if reg_losses else None)
        init = [v1.variables_initializer(variables), v1.tables_initializer()]
        saver = v1.train.Saver(var_list=variables) if variables else None

    with v1.Session(graph=graph) as sess:
        sess.run(init)
        initial = sess.run(variables)
        _describe_variables(variables, initial, recorder, result)
        _put_outputs(result, "out1", fetch_plan, sess.run(tensors_out, feed_dict=feed))
    # A second session: stateful random ops in the forward pass (dropout) restart their stream,
    # so this run draws what the modern side's fresh call draws.
    with v1.Session(graph=graph) as sess:
        sess.run(init)
        for k, (var, value) in enumerate(zip(variables, initial)):
            meta = result.meta["variables"][k]
            var.load(weight_array(_key(var), meta["dtype"], tuple(value.shape)), sess)
        extra = [grads or [], reg_total if reg_total is not None else tf.constant(0.0),
                 update_ops]
        values = sess.run([tensors_out] + extra, feed_dict=feed)
        result.meta["update_ops"] = len(update_ops)
        for k, value in enumerate(sess.run(variables)):  # after one call (and its UPDATE_OPS)
            result.put(f"after_{k}", value)
        _put_outputs(result, "out2", fetch_plan, values[0])
        if grads is not None:
            result.meta["grads"] = [v.name for v in float_vars]
            index = {id(v): k for k, v in enumerate(variables)}  # by identity: no Variable.__eq__
            for var, g in zip(float_vars, values[1]):
                result.put(f"grad_{index[id(var)]}", g)
        result.meta["reg_losses"] = len(reg_losses)
        if reg_losses:
            result.put("reg", values[2])
        if saver is not None:
            prefix = os.path.join(spec["outdir"], f"ckpt_{entry['id']}", "model")
            result.meta["checkpoint"] = saver.save(sess, prefix, write_meta_graph=False)


def _key(var: Any) -> str:
    return var.name  # legacy names are unique within a graph


def _call_legacy(module: Any, dotted: str, tensors: dict[str, Any], args: dict[str, Any],
                 init_args: dict[str, Any], result: rc.EntryResult) -> Any:
    """Call the entry point: a function with inputs and args by name; a class (`Model`) or a
    method of one (`Model.method`) through an instance (migrate.checker.instances)."""
    from migrate.checker import instances

    parts = dotted.split(".")
    target = rc.resolve_attr(module, dotted)
    owner = rc.resolve_attr(module, ".".join(parts[:-1])) if len(parts) > 1 else None
    if isinstance(target, type) or isinstance(owner, type):
        cls, method = (target, None) if isinstance(target, type) else (owner, parts[-1])
        plan = instances.plan(cls, method, tensors, args, init_args)
        result.meta["instance"] = plan.describe()
        return plan.invoke(plan.build())
    return target(**tensors, **args)


def _output_fetches(tf: Any, outputs: Any, result: rc.EntryResult) -> list[Any]:
    """One fetchable per output leaf (None for leaves that are not values, e.g. train ops)."""
    plan = []
    for path, leaf in rc.flatten_outputs(outputs):
        if isinstance(leaf, (tf.Tensor, tf.Variable)):
            plan.append(leaf)
            result.meta["outputs"].append({"path": path, "dtype": leaf.dtype.base_dtype.name})
        elif leaf is None or isinstance(leaf, tf.Operation):
            plan.append(None)
            result.meta["outputs"].append({"path": path, "dtype": None})
        else:
            plan.append(tf.constant(leaf))
            result.meta["outputs"].append({"path": path, "dtype": plan[-1].dtype.name})
    return plan


def _put_outputs(result: rc.EntryResult, prefix: str, plan: list[Any], values: list[Any]) -> None:
    it = iter(values)
    for j, item in enumerate(plan):
        if item is not None:
            result.put(f"{prefix}_{j}", next(it))


def _describe_variables(variables: list[Any], values: list[Any], recorder: _Recorder,
                        result: rc.EntryResult) -> None:
    for k, (var, value) in enumerate(zip(variables, values)):
        result.meta["variables"].append({
            "name": var.name,
            "shape": list(value.shape),
            "dtype": var.dtype.base_dtype.name,
            "trainable": bool(getattr(var, "trainable", True)),
            "sites": recorder.sites.get(id(var), []),
        })
        result.put(f"init_{k}", value)


def _script_values(tf: Any, variables: list[Any], recorder: _Recorder, result: rc.EntryResult) -> None:
    """Initial values of every variable a script created, one session per graph it used."""
    v1 = tf.compat.v1
    values: dict[int, Any] = {}
    graphs: dict[int, tuple[Any, list[Any]]] = {}
    for var in variables:
        graphs.setdefault(id(var.graph), (var.graph, []))[1].append(var)
    for graph, group in graphs.values():
        with graph.as_default():
            init = v1.variables_initializer(group)
        with v1.Session(graph=graph) as sess:
            sess.run(init)
            for var, value in zip(group, sess.run(group)):
                values[id(var)] = value
    _describe_variables(variables, [values[id(v)] for v in variables], recorder, result)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
