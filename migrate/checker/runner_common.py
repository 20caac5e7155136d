"""Pieces both runner subprocesses share: the spec/result protocol, loading user files fresh,
and turning an exception into a one-line reason.

Protocol (kept deliberately dull): the parent writes `spec.json` into a temp dir; a runner
writes, per entry id, `<side>_<id>.json` (metadata) and `<side>_<id>.npz` (arrays, keyed by
position so variable names never have to be valid zip member names), then `<side>_done`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
import traceback
import types
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

# Imported before TensorFlow by the runners: tf.compat.v1.layers need tf_keras (Keras 3 is
# the default since TF 2.16), and TF's C++ start-up chatter only hides real errors.
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def load_spec(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        spec = json.load(fh)
    from migrate.checker.arguments import decode

    for entry in spec["entries"]:
        # literals travel as repr() so tuples stay tuples (JSON would make them lists);
        # expressions as source, evaluated once the entry file ran (resolve_args).
        for key in ("args", "init_args"):
            entry[key] = decode(entry.get(key, {}))
    return spec


def resolve_args(entry: dict[str, Any], module: types.ModuleType, side: str,
                 builtins: dict[str, Any] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(args, init_args) as values on this side: expressions evaluated in the entry module,
    the setup hook run (its file loaded like a user module, with this side's builtins)."""
    from migrate.checker.arguments import resolve

    def load(path: str) -> types.ModuleType:
        return load_user_module(path, as_main=False, builtins=builtins,
                                first_on_path=os.path.dirname(str(module.__file__)))

    return resolve(entry, module, side, load)


class EntryResult:
    """What one side found for one entry; written as JSON + npz."""

    def __init__(self, side: str, entry_id: int) -> None:
        self.side = side
        self.entry_id = entry_id
        self.meta: dict[str, Any] = {"status": "ok", "notes": [], "variables": [], "outputs": []}
        self.arrays: dict[str, np.ndarray] = {}

    def put(self, key: str, value: Any) -> None:
        self.arrays[key] = np.asarray(value)

    def fail(self, reason: str, detail: str = "") -> None:
        self.meta["status"] = "error"
        self.meta["error"] = reason
        self.meta["error_detail"] = detail

    def write(self, outdir: str) -> None:
        base = Path(outdir) / f"{self.side}_{self.entry_id}"
        np.savez(str(base) + ".npz", **self.arrays)
        Path(str(base) + ".json").write_text(json.dumps(self.meta, default=str), encoding="utf-8")


def package_of(path: str) -> tuple[str, str] | None:
    """(directory above the outermost package, dotted module name) for a file inside a
    package (its directory has an `__init__.py`): `repo/baselines/ddpg/models.py` ->
    ("repo", "baselines.ddpg.models"). None for a file that is not in a package."""
    path = os.path.abspath(path)
    directory = os.path.dirname(path)
    parts = [Path(path).stem]
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        name = os.path.basename(directory)
        if not name.isidentifier():
            break
        parts.insert(0, name)
        directory = os.path.dirname(directory)
    if len(parts) == 1 or not all(p.isidentifier() for p in parts):
        return None
    return directory, ".".join(parts)


def user_roots(paths: list[str]) -> list[str]:
    """Directories whose modules count as user code: the entry files' directories (and, for a
    file in a package, the directory above the package: its absolute imports of sibling
    packages are user code too) and the working directory, minus the interpreter's own trees
    and this package."""
    roots = {os.path.dirname(os.path.abspath(p)) for p in paths}
    roots.update(package[0] for package in map(package_of, paths) if package)
    roots.add(os.getcwd())
    return sorted(roots)


def _system_prefixes() -> tuple[str, ...]:
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the migrate package
    prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix, here}
    return tuple(os.path.join(os.path.abspath(p), "") for p in prefixes)


def is_user_file(filename: str | None, roots: list[str]) -> bool:
    if not filename or not filename.endswith(".py"):
        return False
    filename = os.path.abspath(filename)
    if filename.startswith(_system_prefixes()):
        return False
    return any(filename.startswith(os.path.join(r, "")) for r in roots)


def load_user_module(
    path: str,
    *,
    as_main: bool,
    builtins: dict[str, Any] | None = None,
    first_on_path: str | None = None,
) -> types.ModuleType:
    """Execute `path` as a fresh module (never cached: each entry must run in its own graph).

    `as_main` gives `__name__ == "__main__"` (whole-script mode runs the file as `python f.py`
    would). `builtins` replaces the module's builtins (the legacy side's import shim). Otherwise
    the module is also registered under its stem when no module of that name is loaded, so a
    sibling's `import model` (or a setup hook's) gets this module, not a second copy.
    `first_on_path` keeps that directory ahead of `path`'s own on sys.path (a setup file
    outside the entry's directory still imports the entry's siblings).
    A file inside a package is loaded under its dotted name, with the directory above the
    package on sys.path, as `python -m pkg.mod` would: its absolute imports of the repository's
    packages (`from baselines.common.models import ...`) and relative imports work.
    """
    path = os.path.abspath(path)
    package = package_of(path)
    if package and package[0] not in sys.path:
        sys.path.insert(0, package[0])
    if package:
        _import_parents(package[1])
    if as_main:
        name = "__main__"
    elif package:
        name = package[1]
    else:
        name = "_migrate_check_" + Path(path).stem
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    if builtins is not None:
        module.__dict__["__builtins__"] = builtins
    directory = os.path.dirname(path)
    if directory not in sys.path:
        sys.path.insert(0, directory)  # sibling imports, as `python path.py` would allow
    if first_on_path:
        if first_on_path in sys.path:
            sys.path.remove(first_on_path)
        sys.path.insert(0, first_on_path)
    stem = Path(path).stem
    saved_main = sys.modules.get("__main__")
    saved_argv = sys.argv
    if as_main:
        sys.argv = [path]
    else:
        # Registered so dataclasses/pickling inside the user file find their module.
        sys.modules[name] = module
        if not package and stem.isidentifier() and stem not in sys.modules:
            sys.modules[stem] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.argv = saved_argv
        if as_main and saved_main is not None:
            sys.modules["__main__"] = saved_main
    return module


def _import_parents(dotted: str) -> None:
    """Import the packages above a module first, as `python -m pkg.sub.mod` does: a relative
    import in the module (`from .support import x`) would otherwise run the parents'
    `__init__` in the middle of the module, and a parent that imports the module back (t2t's
    models/__init__ -> nas_model -> nas_layers) would find it half-initialized. A parent that
    fails to import is left to fail where the module needs it, with its own message."""
    import importlib

    parts = dotted.split(".")
    for i in range(1, len(parts)):
        try:
            importlib.import_module(".".join(parts[:i]))
        except Exception:  # noqa: BLE001 - user package code may raise anything
            return


def purge_user_modules(before: set[str], roots: list[str]) -> None:
    """Forget user modules an entry imported, so the next entry re-executes them in its graph."""
    for name in list(sys.modules):
        if name in before:
            continue
        module = sys.modules.get(name)
        if name.startswith("_migrate_check_") or is_user_file(getattr(module, "__file__", None), roots):
            del sys.modules[name]


def resolve_attr(module: types.ModuleType, dotted: str) -> Any:
    obj: Any = module
    for part in dotted.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise LookupError(f"{module.__file__} has no {dotted!r}") from None
    return obj


def call_site(roots: list[str], skip: int = 2) -> str | None:
    """file:line of the innermost frame in user code (the get_variable / tf.Variable call)."""
    frame = sys._getframe(skip)
    while frame is not None:
        filename = frame.f_code.co_filename
        if is_user_file(filename, roots):
            return f"{_display_path(filename)}:{frame.f_lineno}"
        frame = frame.f_back
    return None


def _display_path(filename: str) -> str:
    try:
        rel = os.path.relpath(filename)
    except ValueError:
        return filename
    return rel if not rel.startswith("..") else filename


def describe_error(exc: BaseException, roots: list[str]) -> tuple[str, str]:
    """(one-line reason naming the user's file:line when there is one, full traceback)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    for frame in reversed(frames):
        if is_user_file(frame.filename, roots):
            where = f" at {_display_path(frame.filename)}:{frame.lineno}"
            break
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    message = lines[0] if lines else ""
    if message == "in user code:" and len(lines) > 1:
        message = lines[-1]  # autograph (tf.function) errors: the cause is the last line
    if len(message) > 300:
        message = message[:300] + "…"
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return f"{type(exc).__name__}{where}: {message}", detail[-4000:]


def flatten_outputs(value: Any, path: str = "out") -> Iterator[tuple[str, Any]]:
    """(path, leaf) for nested tuples/lists/dicts, in a stable order on both sides."""
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            yield from flatten_outputs(value[key], f"{path}[{key!r}]")
    elif isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        if value and all(_is_variable(item) for item in value):
            # A list of variables is a set to its users (an optimizer's var_list, a Saver):
            # TF1 listed a scope's variables in creation order, a module lists them by
            # attribute. Both sides compare them by name.
            value = sorted(value, key=lambda v: v.name)
        for i, item in enumerate(value):
            yield from flatten_outputs(item, f"{path}[{i}]")
    elif hasattr(value, "_fields"):  # namedtuple (LSTMStateTuple & co.)
        for name in value._fields:
            yield from flatten_outputs(getattr(value, name), f"{path}.{name}")
    else:
        yield path, value


def variable_lists_by_name(value: Any) -> Any:
    """`value` with each list or tuple made only of variables sorted by name (flatten_outputs'
    order), for a tf.function to return: its outputs are those variables' values."""
    if isinstance(value, dict):
        return {k: variable_lists_by_name(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        if value and all(_is_variable(item) for item in value):
            return sorted(value, key=lambda v: v.name)
        return type(value)(variable_lists_by_name(v) for v in value)
    return value


def _is_variable(value: Any) -> bool:
    return type(value).__name__.endswith("Variable") and hasattr(value, "name")


def split_args(func: Callable[..., Any], args: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(args `func` accepts by name, the rest)."""
    import inspect

    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return {}, dict(args)
    taken = {k: v for k, v in args.items() if k in params and k != "self"}
    return taken, {k: v for k, v in args.items() if k not in taken}


class Timer:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def seconds(self) -> float:
        return round(time.perf_counter() - self.start, 3)


def write_started(outdir: str, side: str, import_seconds: float) -> None:
    """TensorFlow is imported: `migrate check`'s progress shows the start-up as such."""
    Path(outdir, f"{side}_started.json").write_text(json.dumps({"import_seconds": import_seconds}), encoding="utf-8")


def write_done(outdir: str, side: str, info: dict[str, Any]) -> None:
    Path(outdir, f"{side}_done.json").write_text(json.dumps(info), encoding="utf-8")


def numpy_seeded(tool_cls: type) -> type:
    """DeterministicRandomTestTool that also seeds NumPy's and Python's global generators each time
    its scope opens: initializers written with `np.random` (baselines' ortho_init) then draw the
    same values on both sides, in creation order, as TF's random ops do under the tool."""
    import contextlib
    import random

    class NumpySeeded(tool_cls):  # type: ignore[misc, valid-type]
        @contextlib.contextmanager
        def scope(self):  # type: ignore[override]
            np.random.seed(0)
            random.seed(0)
            with super().scope():
                yield

    return NumpySeeded
