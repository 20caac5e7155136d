"""Non-tensor arguments of an entry point: literals, Python expressions and a setup hook.

The rule (the same for `--arg NAME=VALUE`, `args`/`init_args` in pyproject.toml and the harness):

- a value that is not a string (TOML `4`, `true`, `[2, 3]`; Python `4`, `(2, 3)`) is a literal;
- a string is Python source: when it is a Python literal (`"4"`, `"(2, 3)"`, `"'relu'"`,
  `"None"`) it is that literal, else it is an expression (`"HParams(n_embd=8)"`,
  `"model.default_hparams()"`, `"tf.nn.relu"`, a bare name) evaluated on each side, after the
  entry file ran, in that side's entry-file namespace;
- text that is not a Python expression, or an expression naming something neither file defines,
  is a usage error naming the option. A string value therefore needs Python quotes:
  `--arg "act='relu'"`, `act = "'relu'"` in TOML.

Names in an expression are looked up in the entry file's globals, then builtins, then as a
module: the entry file itself by its stem (`model.default_hparams()` with `model.py` as entry
file), a sibling module, or an installed one (`numpy.float32`).

`setup = "file.py:function"` names a function run on each side after the entry file; it may take
`module` (that side's entry module) and `side` ("legacy" / "migrated") by name and returns a dict
of arguments. Explicit `args` win over the keys it returns.

Parent side: `parse_value`, `check_names`, `encode`. Runner side: `decode`, `resolve`.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import importlib.util
import inspect
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping


from migrate.checker.spec import SpecError

# An argument value that cannot be used: a SpecError, so the CLI makes it a usage error (exit 2).
ArgumentError = SpecError


@dataclass(frozen=True)
class Expr:
    """A Python expression evaluated on each side; `origin` names the option for messages."""

    source: str
    origin: str

    def __repr__(self) -> str:
        return f"Expr({self.source!r})"


def parse_value(value: Any, origin: str) -> Any:
    """A literal value, or an Expr for a string that is Python source but not a literal."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        pass
    try:
        ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ArgumentError(
            f"{origin}: {value!r} is not a Python expression ({exc.msg}); a string value "
            f"needs Python quotes, e.g. '{value}'") from None
    return Expr(text, origin)


def parse_values(values: Mapping[str, Any] | None, option: str) -> dict[str, Any]:
    """`args = {...}` of pyproject.toml / the harness: each string parsed as Python source."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise ArgumentError(f"{option} must be a table of NAME = VALUE, not {values!r}")
    parsed = {}
    for name, value in values.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise ArgumentError(f"{option}: {name!r} is not a parameter name")
        parsed[name] = value if isinstance(value, Expr) else parse_value(value, f"{option}.{name}")
    return parsed


# --- the parent: check names before any TensorFlow start-up ------------------------------------

def free_names(source: str) -> set[str]:
    """Names an expression reads from its namespace (not those its lambdas/comprehensions bind)."""
    tree = ast.parse(source, mode="eval")
    loaded, bound = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return loaded - bound


def module_names(path: str) -> set[str] | None:
    """Names bound at module level in `path` (None when unknowable: a star import, no parse)."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return None
    names: set[str] = set()
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            continue  # their bodies bind local names
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    return None
                names.add(alias.asname or alias.name.split(".")[0])
            continue
        for child in ast.walk(node):
            if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                names.add(child.id)
            elif isinstance(child, ast.Global):
                names.update(child.names)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(child.name)  # defined under `if` / `try` at module level
            elif isinstance(child, (ast.Import, ast.ImportFrom)):
                for alias in child.names:
                    if alias.name == "*":
                        return None
                    names.add(alias.asname or alias.name.split(".")[0])
    return names


def _importable(name: str, directories: Iterable[str]) -> bool:
    for directory in directories:
        base = Path(directory) / name
        if base.with_suffix(".py").is_file() or (base / "__init__.py").is_file():
            return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def check_names(values: Mapping[str, Any], files: Iterable[str]) -> None:
    """Every name an Expr reads must be defined by each entry file (or be a builtin or a module).

    Files whose names cannot be known statically (a star import) are not checked here; the
    runner then reports a NameError as the side's error.
    """
    exprs = [v for v in values.values() if isinstance(v, Expr)]
    if not exprs:
        return
    for path in files:
        defined = module_names(path)
        if defined is None:
            continue
        directories = [os.path.dirname(os.path.abspath(path)), os.getcwd()]
        defined = defined | {Path(path).stem}
        for expr in exprs:
            missing = sorted(n for n in free_names(expr.source)
                             if n not in defined and not hasattr(builtins, n)
                             and not _importable(n, directories))
            if missing:
                hint = ""
                if expr.source.isidentifier():
                    hint = f"; a string value needs Python quotes: '{expr.source}'"
                raise ArgumentError(
                    f"{expr.origin}: {expr.source!r}: {', '.join(repr(n) for n in missing)} "
                    f"is not defined in {path}{hint}")


def check_setup(setup: str | None, origin: str = "setup") -> tuple[str, str] | None:
    """`file.py:function` -> (path, function), checked statically; None when there is none."""
    if setup is None:
        return None
    if not isinstance(setup, str):
        raise ArgumentError(f"{origin} must be a string FILE.py:FUNCTION, not {setup!r}")
    path, sep, function = setup.rpartition(":")
    if not sep or not path.endswith(".py") or not function.isidentifier():
        raise ArgumentError(f"{origin}: {setup!r} is not FILE.py:FUNCTION")
    if not os.path.isfile(path):
        raise ArgumentError(f"{origin}: no such file: {path}")
    defined = module_names(path)
    if defined is not None and function not in defined:
        raise ArgumentError(f"{origin}: {path} defines no {function!r}")
    return path, function


def encode(values: Mapping[str, Any], option: str = "args") -> dict[str, list[str]]:
    """For spec.json: ["literal", repr] (tuples stay tuples) or ["expr", source, origin]."""
    encoded = {}
    for key, value in values.items():
        if isinstance(value, Expr):
            encoded[key] = ["expr", value.source, value.origin]
            continue
        text = repr(value)
        try:
            if ast.literal_eval(text) != value:
                raise ValueError
        except (ValueError, SyntaxError):
            raise ArgumentError(
                f"{option}.{key}={text[:80]} is not a Python literal: give an object as an "
                "expression string (e.g. \"HParams(n_embd=8)\") or build it in a setup "
                "function") from None
        encoded[key] = ["literal", text]
    return encoded


# --- the runners --------------------------------------------------------------------------------

def decode(encoded: Mapping[str, Any]) -> dict[str, Any]:
    values = {}
    for key, item in encoded.items():
        if isinstance(item, list) and item and item[0] == "expr":
            values[key] = Expr(item[1], item[2])
        elif isinstance(item, list) and item and item[0] == "literal":
            values[key] = ast.literal_eval(item[1])
        else:  # an older spec: a bare repr
            values[key] = ast.literal_eval(item)
    return values


class _Names(dict):
    """eval()'s locals: after the module's globals and builtins come modules by name.

    Consulted first by LOAD_NAME, so it hands everything the module or builtins define back to
    the normal lookup (KeyError) and only imports what neither has."""

    def __init__(self, module: Any) -> None:
        super().__init__()
        self.module = module

    def __missing__(self, name: str) -> Any:
        if name in vars(self.module) or hasattr(builtins, name):
            raise KeyError(name)
        file = getattr(self.module, "__file__", None)
        if file and Path(file).stem == name:
            return self.module
        try:
            return importlib.import_module(name)
        except ImportError:
            raise KeyError(name) from None


def _annotated(exc: Exception, message: str) -> Exception:
    """The same kind of error, its message naming the option (when the type allows it)."""
    try:
        return type(exc)(message)
    except Exception:  # noqa: BLE001 - an exception type with a custom constructor
        return ArgumentError(message)


def evaluate(values: Mapping[str, Any], module: Any) -> dict[str, Any]:
    """Literals as they are; each Expr evaluated in `module`'s namespace (see module docstring)."""
    out = {}
    for key, value in values.items():
        if isinstance(value, Expr):
            code = compile(value.source, f"<{value.origin}>", "eval")
            try:
                # the user's own expression, in the user's own module
                out[key] = eval(code, vars(module), _Names(module))  # noqa: S307
            except Exception as exc:
                raise _annotated(exc, f"{value.origin} = {value.source!r}: {exc}") from exc
        else:
            out[key] = value
    return out


def run_setup(setup: Mapping[str, str] | None, module: Any, side: str,
              load: Callable[[str], Any]) -> dict[str, Any]:
    """Call the setup hook (`load(path)` executes its file) with the parameters it takes."""
    if not setup:
        return {}
    hook_module = load(setup["path"])
    hook = getattr(hook_module, setup["function"], None)
    if not callable(hook):
        raise LookupError(f"setup: {setup['path']} has no function {setup['function']!r}")
    offered = {"module": module, "side": side}
    try:
        params = inspect.signature(hook).parameters
    except (TypeError, ValueError):
        params = {}
    takes_all = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    kwargs = {k: v for k, v in offered.items() if takes_all or k in params}
    returned = hook(**kwargs)
    if not isinstance(returned, Mapping) or not all(isinstance(k, str) for k in returned):
        raise TypeError(f"setup {Path(setup['path']).name}:{setup['function']}() returned "
                        f"{type(returned).__name__}, not a dict of arguments by name")
    return dict(returned)


def resolve(entry: Mapping[str, Any], module: Any, side: str,
            load: Callable[[str], Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(args, init_args) of an entry on one side: the setup hook's dict, then `args` over it."""
    from_setup = run_setup(entry.get("setup"), module, side, load)
    args = {**from_setup, **evaluate(entry.get("args", {}), module)}
    return args, evaluate(entry.get("init_args", {}), module)
