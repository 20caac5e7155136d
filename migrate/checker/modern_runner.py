"""The modern side: construct the migrated tf.Module with its defaults and call it eagerly
(or, when the migrated counterpart is a plain function, call that function), and optionally
once more under tf.function.

Run as `python -m migrate.checker.modern_runner SPEC.json`. Phase 1 runs every entry of the
batch (in parallel with the legacy process); phase 2 waits for one JSON line on stdin naming the
TF1 checkpoints the legacy side wrote, and restores each into its module by name.
"""

from __future__ import annotations

import collections
import collections.abc
import contextlib
import dataclasses
import json
import sys
from typing import Any, Iterator

import numpy as np

from migrate.checker import instances
from migrate.checker import runner_common as rc
from migrate.checker.values import weight_array

_MAX_PATHS = 6  # attribute paths shown per variable: enough to see sharing, short enough to read


class _Live:
    """What phase 2 needs of an entry: its top modules (kept alive), how to call it again on the
    same variables, and those variables."""

    def __init__(self, modules: list[Any], call: Any, variables: list[Any]) -> None:
        self.modules = modules
        self.call = call
        self.variables = variables


def main(spec_path: str) -> int:
    timer = rc.Timer()
    spec = rc.load_spec(spec_path)
    import tensorflow as tf
    from tf_keras.src.legacy_tf_layers.migration_utils import DeterministicRandomTestTool
    DeterministicRandomTestTool = rc.numpy_seeded(DeterministicRandomTestTool)

    import_seconds = timer.seconds()
    rc.write_started(spec["outdir"], "modern", import_seconds)
    switched_off = _keep_eager(tf)
    roots = rc.user_roots([e["migrated_path"] for e in spec["entries"]])
    results: dict[int, rc.EntryResult] = {}
    live: dict[int, _Live] = {}
    for entry in spec["entries"]:
        result = rc.EntryResult("modern", entry["id"])
        before = set(sys.modules)
        switched_off.clear()
        try:
            state = _run_entry(tf, entry, spec, result, roots, DeterministicRandomTestTool)
            if state is not None:
                live[entry["id"]] = state
            for name in sorted(set(switched_off)):
                result.meta["notes"].append(f"ignored tf.compat.v1.{name}(): the migrated side "
                                            "runs eagerly")
        except BaseException as exc:  # noqa: BLE001 - user code may raise anything
            if isinstance(exc, KeyboardInterrupt):
                raise
            result.fail(*rc.describe_error(exc, roots))
        finally:
            rc.purge_user_modules(before, roots)
        result.write(spec["outdir"])
        results[entry["id"]] = result

    # Phase 2: the parent sends {"checkpoints": {id: prefix}} once the legacy side is done.
    line = sys.stdin.readline() if live else ""
    checkpoints = json.loads(line).get("checkpoints", {}) if line.strip() else {}
    for entry_id, state in live.items():
        prefix = checkpoints.get(str(entry_id))
        if not prefix:
            continue
        result = results[entry_id]
        try:
            _restore_checkpoint(tf, prefix, state, result)
        except Exception as exc:  # noqa: BLE001
            result.meta["checkpoint_error"] = rc.describe_error(exc, roots)[0]
        result.write(spec["outdir"])
    rc.write_done(spec["outdir"], "modern", {"import_seconds": import_seconds,
                                             "total_seconds": timer.seconds()})
    return 0


def _keep_eager(tf: Any) -> list[str]:
    """Make the process-global TF1 switches no-ops on this side.

    A migrated file may still call `tf.compat.v1.disable_v2_behavior()`; obeyed, it would put
    every later entry of the batch (and the checkpoint phase) in graph mode. The names of the
    switches called are collected so each entry can report them as a note.
    """
    called: list[str] = []
    for name in ("disable_v2_behavior", "disable_eager_execution", "disable_resource_variables",
                 "disable_v2_tensorshape", "disable_tensor_equality", "disable_control_flow_v2"):
        if hasattr(tf.compat.v1, name):
            setattr(tf.compat.v1, name, lambda *a, _name=name, **k: called.append(_name))
    return called


def _run_entry(tf: Any, entry: dict[str, Any], spec: dict[str, Any], result: rc.EntryResult,
               roots: list[str], tool_cls: Any) -> _Live | None:
    created: list[list[Any]] = []  # [variable, value at creation or None]

    def creator(next_creator: Any, **kwargs: Any) -> Any:
        var = next_creator(**kwargs)
        # Read the value at creation: that *is* the initial value, even if a call later
        # assigns to the variable (moving averages). Inside tf.function it is not readable yet.
        try:
            with tf.init_scope():
                value = var.numpy()
        except Exception:  # noqa: BLE001
            value = None
        created.append([var, value])
        return var

    tool = tool_cls(mode=spec["mode"])
    if entry["script"]:
        module = None
        with tool.scope(), tf.variable_creator_scope(creator), _SessionWatch() as sessions:
            try:
                module = rc.load_user_module(entry["migrated_path"], as_main=True)
            except Exception as exc:  # noqa: BLE001
                if not (sessions.opened or _session_error(exc)):
                    raise
                # TF1 session code left in a migrated script cannot run eagerly; what the
                # script created before reaching it is what it creates.
                reason = rc.describe_error(exc, roots)[0]
                result.meta["notes"].append(f"script stopped at TF1 session code ({reason}); "
                                            f"the {len(created)} variables created before it count")
        namespace = vars(module) if module is not None else {}
        paths = _attribute_paths(tf, {k: v for k, v in namespace.items()
                                      if not k.startswith("__") and _walkable(tf, v)}, root="")
        _describe_variables(tf, created, paths, result)
        return None

    with tool.scope(), tf.variable_creator_scope(creator):
        module = rc.load_user_module(entry["migrated_path"], as_main=False)
        args, init_args = rc.resolve_args(entry, module, "migrated")
        entry = {**entry, "args": args, "init_args": init_args}
        as_instance = _instance_target(module, entry)
        target = (as_instance[0] if as_instance
                  else _resolve_target(module, entry.get("klass"), entry["function"]))
        arrays = dict(np.load(entry["inputs_npz"])) if entry.get("inputs_npz") else {}
        tensors = {k: tf.constant(v) for k, v in arrays.items()}
        plan: instances.CallPlan | None = None
        if isinstance(target, type):
            result.meta["class"] = target.__name__
            if as_instance:
                plan = instances.plan(target, as_instance[1], tensors, args, init_args,
                                      filter_init_args=True)
                result.meta["instance"] = plan.describe()
                result.meta["notes"].extend(plan.notes)
                if plan.callee is None:
                    result.meta["notes"].append(
                        f"{target.__name__} defines no __call__ or build: built by its "
                        "constructor, nothing called, no outputs to compare")
            else:
                ctor_args, call_args, owner_inputs = _route_args(module, target, entry, result.meta["notes"],
                                                                 tensors)
                plan = instances.CallPlan(target, "__call__", ctor_args,
                                          {**{k: v for k, v in tensors.items() if k not in owner_inputs},
                                           **call_args})
            instance = plan.build()
            if plan.callee == "__call__" and not callable(instance):
                raise TypeError(f"{target.__name__} instances are not callable")
            out1 = plan.invoke(instance)
            made: list[Any] = []
        else:
            # A plain function (the codemod keeps one that only drives converted code): it
            # builds its modules on every call, so call 1 is the model; the modules it made are
            # where the variables' attribute paths start.
            result.meta["function_entry"] = target.__name__
            ctor_args, call_args = {}, dict(entry["args"])
            with _ModuleWatch(tf) as made:
                out1 = target(**tensors, **call_args)
    first = len(created)

    if isinstance(target, type):
        def call() -> Any:
            # A fresh test-tool scope per call: in 'constant' mode random ops in the forward
            # pass (dropout) draw what the legacy graph's ops draw in a fresh session.
            with tool_cls(mode=spec["mode"]).scope():
                rerun_constructors(tf, plan, instance)
                return plan.invoke(instance)

        _put_outputs(tf, result, "out1", out1, describe=True)
        with tf.variable_creator_scope(creator):
            call()
        result.meta["second_call_new"] = [v.name for v, _ in created[first:]]
        del created[first:]
        paths = _attribute_paths(tf, {"": instance}, root=target.__name__)
        top = [instance]
    else:
        replay = _Replay(tf, [v for v, _ in created])

        def call() -> Any:
            # Calling the function again builds new modules: hand them the variables of call
            # 1 (same name, same occurrence) so the same weights are used.
            with tool_cls(mode=spec["mode"]).scope(), replay.scope(eager=True):
                return target(**tensors, **call_args)

        _put_outputs(tf, result, "out1", out1, describe=True)
        top = _top_modules(tf, made)
        paths = _attribute_paths(tf, _root_names(target.__name__, top), root="")
    variables = _describe_variables(tf, created, paths, result)

    # Same distinct weights as the legacy side: keyed by name, and by occurrence for a name the
    # module created more than once (an unshared copy must not get its twin's values).
    for var, meta in zip(variables, result.meta["variables"]):
        var.assign(weight_array(meta["key"], meta["dtype"], tuple(meta["shape"])))
    float_vars = [v for v in variables if v.dtype.is_floating]
    with tf.GradientTape(watch_accessed_variables=False, persistent=False) as tape:
        tape.watch(float_vars)
        out2 = call()
        floats = [tf.reduce_sum(tf.cast(t, tf.float64)) for _, t in rc.flatten_outputs(out2)
                  if isinstance(t, (tf.Tensor, tf.Variable)) and t.dtype.is_floating]
        total = tf.add_n(floats) if floats else None
    _put_outputs(tf, result, "out2", out2)
    for k, var in enumerate(variables):  # after one call: batch-norm moving statistics
        result.put(f"after_{k}", var.numpy())
    if not isinstance(target, type) and replay.unmatched:
        result.meta["replay_unmatched"] = sorted(set(replay.unmatched))
    if total is not None and float_vars:
        try:
            grads = tape.gradient(total, float_vars,
                                  unconnected_gradients=tf.UnconnectedGradients.ZERO)
            result.meta["grads"] = [v.name for v in float_vars]
            for var, g in zip(float_vars, grads):
                result.put(f"grad_{_index(variables, var)}", tf.convert_to_tensor(g).numpy())
        except Exception as exc:  # noqa: BLE001
            result.meta["grad_error"] = rc.describe_error(exc, roots)[0]
    _regularization(tf, top, result)
    if entry.get("tf_function"):
        try:
            _run_tf_function(tf, entry, spec, result, target, plan,
                             plan.call if plan is not None else call_args, tensors, tool_cls)
        except Exception as exc:  # noqa: BLE001 - user code may raise anything
            result.meta["tf_function"] = {"error": rc.describe_error(exc, roots)[0]}
    return _Live(top, call, variables)


def _instance_target(module: Any, entry: dict[str, Any]) -> tuple[type, str | None] | None:
    """(class, method) when the entry runs through an instance of a migrated class
    (migrate.checker.instances): `MIGRATED.py:Owner.method`; a single name (`:CLASS`, else the
    codemod's class for a function, or a legacy class's namesake); a legacy `Owner.method` with
    no per-method module class in the migrated file (the migrated `Owner`, whose method
    delegates). None: `Owner.method` through its per-method module (module mode, `_route_args`),
    or a plain function entry."""
    from migrate.checker.spec import class_candidates

    function, klass = entry["function"], entry.get("klass")
    if klass and "." in klass:
        owner, method = klass.rsplit(".", 1)
        cls = rc.resolve_attr(module, owner)
        if not isinstance(cls, type):
            raise TypeError(f"{owner} in {module.__file__} is not a class")
        return cls, method
    parts = function.split(".")
    if len(parts) == 1:  # a module class the codemod made, or the legacy class's namesake
        name = klass or next((n for n in class_candidates(function)
                              if isinstance(getattr(module, n, None), type)), None)
        cls = getattr(module, name, None) if name else None
        return (cls, None) if isinstance(cls, type) else None
    if klass or any(isinstance(getattr(module, n, None), type) for n in class_candidates(function)):
        return None
    owner = getattr(module, parts[0], None)
    for part in parts[1:-1]:
        owner = getattr(owner, part, None)
    if isinstance(owner, type) and hasattr(owner, parts[-1]):
        return owner, parts[-1]
    return None


def _route_args(module: Any, cls: type, entry: dict[str, Any], notes: list[str],
                tensors: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], set[str]]:
    """(constructor kwargs, __call__ kwargs, the input tensors the owner's constructor took) for
    the migrated class (CONTRACT.md).

    args as instances.route_migrated_args says (`notes` gets how). For an `Owner.method`
    entry whose module is called with the owner (`__call__(self, owner, ...)`, the codemod's
    shape for methods that read owner state), the migrated file's Owner is built the way the
    legacy side builds it (init_args + the args its __init__ takes) and passed as `owner`.
    init_args otherwise only reach the constructor, when it takes them.
    """
    import inspect

    args, init_args = dict(entry["args"]), dict(entry["init_args"])
    call_kwargs: dict[str, Any] = {}
    owner_inputs: dict[str, Any] = {}
    parts = entry["function"].split(".")
    try:
        call_params = inspect.signature(cls.__call__).parameters
    except (TypeError, ValueError):
        call_params = {}
    if len(parts) > 1 and "owner" in call_params:
        owner_cls = rc.resolve_attr(module, ".".join(parts[:-1]))
        owner_args, args = rc.split_args(owner_cls.__init__, args)
        # (input tensors the owner's constructor takes: a model built on its inputs, XLNet's)
        owner_inputs = {k: v for k, v in rc.split_args(owner_cls.__init__, tensors)[0].items() if k not in call_params}
        owner_kwargs = {**init_args, **owner_args, **owner_inputs}
        call_kwargs["owner"] = owner = owner_cls(**owner_kwargs)
        # the tf.function run needs its own owner: one built here holds the eager run's modules
        def fresh_owner() -> Any:
            built = owner_cls(**owner_kwargs)
            _OWNER_ARGS[id(built)] = owner_kwargs
            return built

        _OWNER_FACTORIES[id(owner)] = fresh_owner
        _OWNER_ARGS[id(owner)] = owner_kwargs
        init_args = {}
    from migrate.checker import instances

    ctor_args: dict[str, Any] = {}
    instances.route_migrated_args(cls.__name__, args, instances.parameters(cls.__init__),
                                  instances.parameters(cls.__call__), ctor_args, call_kwargs,
                                  notes)
    ctor_args.update(rc.split_args(cls.__init__, init_args)[0])
    return ctor_args, call_kwargs, set(owner_inputs)


_OWNER_FACTORIES: dict[int, Any] = {}  # id(owner passed to an entry) -> builds a fresh one
_OWNER_ARGS: dict[int, dict[str, Any]] = {}  # id(owner passed to an entry) -> its constructor's arguments


def rerun_constructors(tf: Any, plan: Any, instance: Any) -> None:
    """A model object built on its input tensors (XLNet's `XLNetModel(config, run_config,
    input_ids, ...)`, BERT's BertModel) is the model applied to them: its converted constructor
    computes the forward pass, as TF1's graph did on every run, so each forward runs it again on
    the same object, reusing its modules (the codemod's converted callers do the same). Objects
    built from configuration only are built once: a tensor their constructor derived from the
    variables must not go stale (recomputed_attributes.py)."""
    for obj, kwargs in ((instance, plan.ctor if plan is not None else {}),
                        (plan.call.get("owner") if plan is not None else None, None)):
        if obj is None or "_constructor_module" not in vars(obj):
            continue  # (not a converted constructor: running it again would rebuild its state)
        kwargs = _OWNER_ARGS.get(id(obj), {}) if kwargs is None else kwargs
        if any(_is_tensor_input(tf, v) for v in kwargs.values()):
            obj.__init__(**kwargs)


def _is_tensor_input(tf: Any, value: Any) -> bool:
    import numpy as np

    return isinstance(value, (np.ndarray, tf.Tensor, tf.Variable))


def _index(items: list[Any], obj: Any) -> int:
    return next(i for i, x in enumerate(items) if x is obj)


class _SessionWatch:
    """Counts the TF1 Sessions a migrated script opens.

    Inside `with tf.compat.v1.Session():` TF builds ops in the session's graph, so an eager
    variable used there fails with errors that never mention sessions ("Attempting to capture an
    EagerTensor without building a function"), and the session is closed by the time the error
    reaches us. So: anything raised once the script has opened a Session is Session-related.
    """

    def __enter__(self) -> "_SessionWatch":
        from tensorflow.python.client import session

        self.opened = 0
        self._cls = session.BaseSession
        self._init = self._cls.__init__
        watch = self

        def init(sess: Any, *args: Any, **kwargs: Any) -> None:
            watch.opened += 1
            watch._init(sess, *args, **kwargs)

        self._cls.__init__ = init
        return self

    def __exit__(self, *exc: Any) -> None:
        self._cls.__init__ = self._init


def _session_error(exc: BaseException) -> bool:
    """Errors raised by TF1 Session code run eagerly (and only those)."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    if any("/tensorflow/python/client/" in f.filename.replace("\\", "/") for f in frames):
        return True
    return "session" in f"{type(exc).__name__} {exc}".lower()


def _resolve_target(module: Any, klass: str | None, function: str) -> Any:
    """The migrated class (`:CLASS`, else the codemod's name for the function); failing that,
    when no class was named, a plain function with the legacy function's name (the codemod
    keeps a function that only drives converted code, e.g. one that builds a model object)."""
    import inspect

    from migrate.checker.spec import class_candidates

    names = [klass] if klass else class_candidates(function)
    for name in names:
        obj = getattr(module, name, None)
        if isinstance(obj, type):
            return obj
    looked_for = f"class {' or '.join(names)}"
    if not klass and "." not in function:
        obj = getattr(module, function, None)
        if inspect.isfunction(obj):
            return obj
        looked_for += f" or function {function}"
    available = sorted(k for k, v in vars(module).items()
                       if isinstance(v, type) and v.__module__ == module.__name__)
    raise LookupError(f"no {looked_for} in {module.__file__} "
                      f"(classes there: {', '.join(available) or 'none'})")


class _ModuleWatch:
    """Collects every tf.Module constructed inside the `with` (a function entry's model)."""

    def __init__(self, tf: Any) -> None:
        self._cls = tf.Module
        self.made: list[Any] = []

    def __enter__(self) -> list[Any]:
        original = self._init = self._cls.__init__
        made = self.made

        def init(module: Any, *args: Any, **kwargs: Any) -> None:
            original(module, *args, **kwargs)
            made.append(module)

        self._cls.__init__ = init
        return made

    def __exit__(self, *exc: Any) -> None:
        self._cls.__init__ = self._init


def _top_modules(tf: Any, made: list[Any]) -> list[Any]:
    """The modules of `made` that no other module of `made` holds: where attribute paths start."""
    unique = list({id(m): m for m in made}.values())
    inner: set[int] = set()
    for module in unique:
        try:
            inner.update(id(sub) for sub in module.submodules)
        except Exception:  # noqa: BLE001 - a user module with an odd attribute
            continue
    return [m for m in unique if id(m) not in inner]


def _root_names(function: str, modules: list[Any]) -> dict[str, Any]:
    names: dict[str, Any] = {}
    for module in modules:
        base = f"{function}:{type(module).__name__}"
        name, n = base, 1
        while name in names:
            n += 1
            name = f"{base}#{n}"
        names[name] = module
    return names


def _variable_name(tf: Any, name: Any) -> str:
    """The name TF2 gives `tf.Variable(name=name)` here, without creating it (eager and
    tf.function graphs alike: no uniquifying, the current name scope as prefix)."""
    base = str(name) if name else "Variable"
    if base.endswith("/"):
        full = base[:-1]
    else:
        scope = tf.get_current_name_scope()
        full = f"{scope}/{base}" if scope else base
    return full if ":" in full else full + ":0"


class _Replay:
    """Hands a function entry's later calls the variables its first call created.

    A function entry builds new modules per call; each module asks for its variables again. The
    k-th request for name N gets the k-th variable call 1 created under N (so an unshared copy
    keeps its own twin). Requests call 1 never made are listed in `unmatched`."""

    def __init__(self, tf: Any, variables: list[Any]) -> None:
        self.tf = tf
        self.pools: dict[str, list[Any]] = {}
        for var in variables:
            self.pools.setdefault(var.name, []).append(var)
        self.unmatched: list[str] = []

    @contextlib.contextmanager
    def scope(self, eager: bool) -> Iterator[None]:
        tf = self.tf
        used: collections.Counter[str] = collections.Counter()

        def creator(next_creator: Any, **kwargs: Any) -> Any:
            fresh = None
            if eager:  # exact: let TF name a throwaway variable
                fresh = next_creator(**kwargs)
                name = fresh.name
            else:  # inside tf.function no variable may be created after the first trace
                name = _variable_name(tf, kwargs.get("name"))
            pool = self.pools.get(name, [])
            k = used[name]
            used[name] += 1
            if k < len(pool):
                return pool[k]
            self.unmatched.append(name)
            if fresh is None:
                raise LookupError(f"called again, the function entry asks for variable {name}, "
                                  "which its first call did not create")
            return fresh

        with tf.variable_creator_scope(creator):
            yield


def _run_tf_function(tf: Any, entry: dict[str, Any], spec: dict[str, Any],
                     result: rc.EntryResult, target: Any, plan: instances.CallPlan | None,
                     call_args: dict[str, Any], tensors: dict[str, Any], tool_cls: Any) -> None:
    """The migrated entry once more, under tf.function: a fresh instance (or, for a function
    entry, fresh modules), first call traced. Records the variable names it creates and its
    outputs at the initial weights (`fn1_*`) and at the per-name random weights (`fn2_*`, a
    fresh tf.function so random ops restart their streams like the eager call's)."""
    info: dict[str, Any] = {"variables": [], "outputs": None}
    result.meta["tf_function"] = info
    recorded: list[Any] = []
    is_class = isinstance(target, type)
    state: dict[str, Any] = {"replay": None}

    def record(next_creator: Any, **kwargs: Any) -> Any:
        var = next_creator(**kwargs)
        recorded.append(var)
        return var

    def body() -> Any:
        if state["replay"] is not None:  # a function entry traced again: same variables
            with state["replay"].scope(eager=False):
                return rc.variable_lists_by_name(run())
        try:
            return rc.variable_lists_by_name(run())
        finally:
            if not is_class:
                state["replay"] = _Replay(tf, list(recorded))

    owner = plan.call.get("owner") if plan is not None else None
    with tool_cls(mode=spec["mode"]).scope(), tf.variable_creator_scope(record):
        if owner is not None and id(owner) in _OWNER_FACTORIES:
            # built under the recorder: variables the owner creates in __init__ (t2t's
            # TransformerMemory) are this run's too, and get the per-name weights
            plan = dataclasses.replace(plan, call={**plan.call,
                                                   "owner": _OWNER_FACTORIES[id(owner)]()})
        if is_class:
            assert plan is not None
            instance = plan.build()

            def run() -> Any:
                rerun_constructors(tf, plan, instance)
                return plan.invoke(instance)
        else:
            def run() -> Any:
                return target(**tensors, **call_args)
        out1 = tf.function(body)()
    info["variables"] = [v.name for v in recorded]
    info["outputs"] = len(list(rc.flatten_outputs(out1)))
    _put_outputs(tf, result, "fn1", out1)
    seen: collections.Counter[str] = collections.Counter()
    for var in recorded:
        key = var.name if not seen[var.name] else f"{var.name}#{seen[var.name]}"
        seen[var.name] += 1
        var.assign(weight_array(key, var.dtype.name, tuple(var.shape.as_list())))
    with tool_cls(mode=spec["mode"]).scope():
        out2 = tf.function(body)()
    _put_outputs(tf, result, "fn2", out2)
    if state["replay"] is not None and state["replay"].unmatched:
        info["unmatched"] = sorted(set(state["replay"].unmatched))


def _walkable(tf: Any, value: Any) -> bool:
    return isinstance(value, (tf.Module, tf.Variable, list, tuple, dict))


def _attribute_paths(tf: Any, roots: dict[str, Any], root: str) -> dict[int, list[str]]:
    """For every variable reachable from `roots`, the attribute paths that lead to it.

    tf.Module.variables deduplicates, which would hide exactly what the table wants to show:
    a shared variable reached from two places. So walk by hand, with a cycle guard and a budget.
    """
    found: dict[int, list[str]] = {}
    budget = [20000]

    def visit(obj: Any, path: str, stack: frozenset[int]) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            return
        if isinstance(obj, tf.Variable):
            paths = found.setdefault(id(obj), [])
            if len(paths) < _MAX_PATHS:
                paths.append(path)
            return
        if id(obj) in stack:
            return
        stack = stack | {id(obj)}
        if isinstance(obj, tf.Module):
            for name, value in sorted(vars(obj).items()):
                if name.startswith("_self_") or name in ("_name", "_name_scope", "_scope_name"):
                    continue  # tf.Module / AutoTrackable bookkeeping, not user attributes
                visit(value, f"{path}.{name}" if path else name, stack)
        elif isinstance(obj, collections.abc.Mapping):
            for key, value in obj.items():
                visit(value, f"{path}[{key!r}]", stack)
        elif isinstance(obj, collections.abc.Sequence) and not isinstance(obj, (str, bytes)):
            for i, value in enumerate(obj):
                visit(value, f"{path}[{i}]", stack)

    for name, obj in roots.items():
        visit(obj, name or root, frozenset())
    return found


def _describe_variables(tf: Any, created: list[list[Any]], paths: dict[int, list[str]],
                        result: rc.EntryResult) -> list[Any]:
    seen: dict[str, int] = {}
    variables = []
    for k, (var, value) in enumerate(created):
        if value is None:
            value = var.numpy()
        occurrence = seen.get(var.name, 0)
        seen[var.name] = occurrence + 1
        result.meta["variables"].append({
            "name": var.name,
            "key": var.name if occurrence == 0 else f"{var.name}#{occurrence}",
            "shape": list(np.shape(value)),
            "dtype": var.dtype.name,
            "trainable": bool(var.trainable),
            "paths": paths.get(id(var), []),
        })
        result.put(f"init_{k}", value)
        variables.append(var)
    return variables


def _put_outputs(tf: Any, result: rc.EntryResult, prefix: str, outputs: Any,
                 describe: bool = False) -> None:
    for j, (path, leaf) in enumerate(rc.flatten_outputs(outputs)):
        if leaf is None or isinstance(leaf, tf.Operation):
            dtype = None
        else:
            value = np.asarray(leaf.numpy() if hasattr(leaf, "numpy") else leaf)
            result.put(f"{prefix}_{j}", value)
            dtype = value.dtype.name
        if describe:
            result.meta["outputs"].append({"path": path, "dtype": dtype})


def _regularization(tf: Any, top: list[Any], result: rc.EntryResult) -> None:
    """CONTRACT.md: the model total is the sum over root + root.submodules of
    `regularization_losses()` where a module defines it (over every top module for a function
    entry)."""
    modules: dict[int, Any] = {}
    for root in top:
        for module in [root] + (list(root.submodules) if isinstance(root, tf.Module) else []):
            modules.setdefault(id(module), module)
    losses = []
    for module in modules.values():
        method = getattr(module, "regularization_losses", None)
        if callable(method):
            for loss in method() or []:
                losses.append(loss() if callable(loss) else loss)
    result.meta["reg_losses"] = len(losses)
    if losses:
        result.put("reg", tf.add_n([tf.reduce_sum(tf.cast(l, tf.float64)) for l in losses]).numpy())


def _restore_checkpoint(tf: Any, prefix: str, state: _Live, result: rc.EntryResult) -> None:
    """Restore the legacy TF1 checkpoint by name (variable name without ':0'), then call again."""
    reader = tf.train.load_checkpoint(prefix)
    shapes = reader.get_variable_to_shape_map()
    missing, mismatched = [], []
    for var in state.variables:
        key = var.name.rsplit(":", 1)[0]
        if key not in shapes:
            missing.append(key)
        elif list(shapes[key]) != var.shape.as_list():
            mismatched.append(f"{key}: checkpoint {shapes[key]} vs {var.shape.as_list()}")
        else:
            var.assign(reader.get_tensor(key))
    result.meta["checkpoint"] = {"missing": missing, "mismatched": mismatched}
    if not missing and not mismatched:
        _put_outputs(tf, result, "ckpt", state.call())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
