"""What one equivalence check is about: targets, inputs, arguments and options.

Plain data only (no TensorFlow, no numpy): the parent process builds these, writes them to a
JSON spec file, and the two runner subprocesses read that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

_TENSOR_SPEC = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*\[\s*([0-9,\s]*)\s*\]\s*$")
# dtypes an input may have; names as numpy and TensorFlow both spell them.
DTYPES = frozenset({
    "float16", "float32", "float64", "int8", "int16", "int32", "int64",
    "uint8", "bool",
})

MODES = ("constant", "num_random_ops")
DEFAULT_RTOL = 1e-6  # tolerances of TF's own "validate correctness" migration guide
DEFAULT_ATOL = 1e-5


class SpecError(ValueError):
    """A target or input specification that cannot be understood (a usage error, exit 2)."""


@dataclass(frozen=True)
class TensorSpec:
    """`float32[2,8]`: an input generated deterministically from its name."""

    dtype: str
    shape: tuple[int, ...]

    def __str__(self) -> str:
        return f"{self.dtype}[{','.join(map(str, self.shape))}]"


def parse_tensor_spec(text: str) -> TensorSpec:
    match = _TENSOR_SPEC.match(text)
    if not match:
        raise SpecError(f"bad input spec {text!r}: expected DTYPE[SHAPE], e.g. float32[2,8]")
    dtype, dims = match.group(1), match.group(2)
    if dtype not in DTYPES:
        raise SpecError(f"bad input spec {text!r}: dtype must be one of {', '.join(sorted(DTYPES))}")
    shape = tuple(int(d) for d in dims.replace(" ", "").split(",") if d)
    return TensorSpec(dtype, shape)


def parse_named_input(text: str) -> tuple[str, TensorSpec]:
    """`--input z=float32[2,8]`."""
    name, sep, spec = text.partition("=")
    if not sep or not name.strip().isidentifier():
        raise SpecError(f"bad --input {text!r}: expected NAME=DTYPE[SHAPE]")
    return name.strip(), parse_tensor_spec(spec)


def parse_named_arg(text: str) -> tuple[str, Any]:
    """`--arg NAME=VALUE`: VALUE is Python source, a literal or an expression (arguments.py)."""
    from migrate.checker.arguments import parse_value

    name, sep, value = text.partition("=")
    if not sep or not name.strip().isidentifier() or not value.strip():
        raise SpecError(f"bad --arg {text!r}: expected NAME=VALUE (a Python literal or "
                        "expression, e.g. num_units=4 or hparams='HParams(n_embd=8)')")
    return name.strip(), parse_value(value, f"--arg {name.strip()}")


def parse_target(text: str) -> tuple[str, str | None]:
    """`path.py:func` -> (path, "func"); `path.py` -> (path, None) (whole-script mode).

    Split on the last colon that follows `.py` so Windows drive letters survive.
    """
    idx = text.rfind(".py:")
    if idx >= 0:
        path, name = text[: idx + 3], text[idx + 4:]
        if not name:
            return path, None
        if not all(part.isidentifier() for part in name.split(".")):
            raise SpecError(f"bad target {text!r}: {name!r} is not a (dotted) Python name")
        return path, name
    return text, None


def class_name_for(function_name: str) -> str:
    """The class the codemod generates for a legacy function (same rule as migrate.codemod.naming)."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", function_name) if p]
    name = "".join(p[:1].upper() + p[1:] for p in parts) or "Module"
    return name if not name[0].isdigit() else f"M{name}"


def class_candidates(function: str) -> list[str]:
    """Classes to look for when `:CLASS` is omitted, best first.

    `foo_bar` -> FooBar; `Owner.method` -> OwnerMethod if that exists, else Method (CONTRACT.md:
    the owner prefix is only added when the plain name clashes).
    """
    parts = function.split(".")
    if len(parts) == 1:
        return [class_name_for(parts[0])]
    owner, method = parts[-2], parts[-1]
    return [class_name_for(owner) + class_name_for(method), class_name_for(method)]


@dataclass
class Entry:
    """One legacy entry point and its migrated counterpart.

    `function` None means whole-script mode. `inputs` maps a parameter name to a TensorSpec, an
    array (anything numpy accepts) or is merged with the arrays of `inputs_npz`.
    """

    legacy_path: str
    migrated_path: str
    function: str | None = None
    klass: str | None = None
    inputs: dict[str, Any] = field(default_factory=dict)
    inputs_npz: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    label: str = ""
    # `Owner.method` entries: arguments for Owner's constructor only (legacy side); the
    # migrated side routes them like args (constructor if it takes the name, else __call__).
    init_args: dict[str, Any] = field(default_factory=dict)
    # Also run the migrated entry under tf.function; None: as Options.tf_function says.
    tf_function: bool | None = None
    # "file.py:function" run on each side, returning a dict of arguments (arguments.py).
    setup: str | None = None

    @property
    def script(self) -> bool:
        return self.function is None

    def describe(self) -> str:
        if self.label:
            return self.label
        legacy = f"{self.legacy_path}:{self.function}" if self.function else self.legacy_path
        migrated = self.migrated_path
        if self.klass:
            migrated += f":{self.klass}"
        return f"{legacy} ↔ {migrated}"


def entry_from_targets(
    legacy: str,
    migrated: str,
    inputs: Mapping[str, Any] | str | None = None,
    args: Mapping[str, Any] | None = None,
    label: str = "",
    base: Path | None = None,
    init_args: Mapping[str, Any] | None = None,
    tf_function: bool | None = None,
    setup: str | None = None,
) -> Entry:
    """Build an Entry from `path.py:func` / `path.py:Class` strings (CLI, API, pyproject).

    `inputs` may be a mapping (name -> "float32[2,8]" | array) or the path of an .npz file.
    Relative paths are taken relative to `base` (the pyproject directory) when given. String
    values of `args` / `init_args` are Python source (migrate.checker.arguments).
    """
    from migrate.checker.arguments import parse_values

    legacy_path, function = parse_target(legacy)
    migrated_path, klass = parse_target(migrated)
    if function is None and klass is not None:
        raise SpecError(f"{migrated!r} names a class but {legacy!r} names no function")

    def where(p: str) -> str:
        path = Path(p)
        if base is not None and not path.is_absolute():
            path = base / path
        return str(path)

    if setup is not None and not isinstance(setup, str):
        raise SpecError(f"setup must be a string FILE.py:FUNCTION, not {setup!r}")
    entry = Entry(where(legacy_path), where(migrated_path), function, klass,
                  args=parse_values(args, "args"), label=label,
                  init_args=parse_values(init_args, "init_args"), tf_function=tf_function,
                  setup=where(setup) if setup else None)
    if isinstance(inputs, str):
        entry.inputs_npz = where(inputs)
    elif inputs:
        entry.inputs = {k: parse_tensor_spec(v) if isinstance(v, str) else v
                        for k, v in inputs.items()}
    return entry


ENTRY_POINT_KEYS = ("legacy", "migrated", "inputs", "args", "init_args", "setup", "label",
                    "tf_function")


def entry_from_table(point: Any, base: Path | None, where: str) -> Entry:
    """One `[[tool.migrate.entry_points]]` table (`where` names it in messages)."""
    if not isinstance(point, Mapping):
        raise SpecError(f"{where} must be a table")
    unknown = sorted(set(point) - set(ENTRY_POINT_KEYS))
    if unknown:
        raise SpecError(f"{where}: unknown key {', '.join(map(repr, unknown))} "
                        f"(known: {', '.join(ENTRY_POINT_KEYS)})")
    if "legacy" not in point or "migrated" not in point:
        raise SpecError(f"{where} needs 'legacy' and 'migrated'")
    try:
        return entry_from_targets(point["legacy"], point["migrated"], point.get("inputs"),
                                  point.get("args"), point.get("label", ""), base=base,
                                  init_args=point.get("init_args"),
                                  tf_function=point.get("tf_function"), setup=point.get("setup"))
    except SpecError as exc:
        raise SpecError(f"{where}: {exc}") from None


def validate(entry: Entry) -> None:
    """What can be known before TensorFlow starts: each expression's names are defined by the
    entry files, the setup hook exists. Raises SpecError naming the option."""
    from migrate.checker.arguments import check_names, check_setup

    files = [p for p in (entry.legacy_path, entry.migrated_path) if Path(p).is_file()]
    if entry.script and (entry.args or entry.init_args or entry.setup):
        raise SpecError("whole-script mode (no :FUNCTION) takes no args or setup")
    check_names(entry.args, files)
    check_names(entry.init_args, files)
    check_setup(entry.setup)


@dataclass(frozen=True)
class Options:
    mode: str = "constant"  # DeterministicRandomTestTool mode; "num_random_ops" with --strict-order
    rtol: float = DEFAULT_RTOL
    atol: float = DEFAULT_ATOL
    timeout: float | None = 900.0  # for one batch, both sides
    # Also run each migrated entry under tf.function (a fresh instance, first call traced) and
    # compare its variable names and outputs with the eager run. Entry.tf_function overrides.
    tf_function: bool = False

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise SpecError(f"mode must be one of {MODES}, not {self.mode!r}")
