"""`migrate check`: the click command. No TensorFlow here (only the runner subprocesses import it),
so `migrate --help` stays fast."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from migrate.checker.spec import (
    Entry,
    Options,
    SpecError,
    entry_from_table,
    entry_from_targets,
    parse_named_arg,
    validate,
    parse_named_input,
)


def find_pyproject(start: Path) -> Path | None:
    for directory in [start, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def entries_from_pyproject(path: Path) -> list[Entry]:
    """`[[tool.migrate.entry_points]]` tables (keys: spec.ENTRY_POINT_KEYS). Paths are relative
    to the pyproject's directory; string args are Python source (checker/arguments.py)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    with open(path, "rb") as fh:
        config = tomllib.load(fh)
    points = config.get("tool", {}).get("migrate", {}).get("entry_points", [])
    if not isinstance(points, list):
        raise SpecError(f"{path}: tool.migrate.entry_points must be an array of tables "
                        "([[tool.migrate.entry_points]])")
    return [entry_from_table(point, path.parent, f"{path}: tool.migrate.entry_points[{n}]")
            for n, point in enumerate(points)]


@click.command("check")
@click.argument("legacy", required=False)
@click.argument("migrated", required=False)
@click.option("--inputs", "inputs_npz", type=click.Path(exists=True, dir_okay=False),
              help="Input arrays by parameter name (.npz).")
@click.option("--input", "input_specs", multiple=True, metavar="NAME=DTYPE[SHAPE]",
              help="An input generated deterministically, e.g. z=float32[2,8]. Repeatable.")
@click.option("--arg", "arg_specs", multiple=True, metavar="NAME=VALUE",
              help="A non-tensor argument as Python source: a literal (num_units=4, "
                   "act=\"'relu'\") or an expression evaluated in the entry file on each side "
                   "(hparams='HParams(n_embd=8)'). Repeatable.")
@click.option("--strict-order", is_flag=True,
              help="Seed random ops by creation order (DeterministicRandomTestTool "
                   "'num_random_ops') instead of 'constant'.")
@click.option("--tf-function", "tf_function", is_flag=True,
              help="Also run the migrated entry under tf.function (a fresh instance, first call "
                   "traced) and compare its variable names and outputs with the eager run.")
@click.option("--rtol", type=float, default=1e-6, show_default=True,
              help="Relative tolerance for outputs and gradients.")
@click.option("--atol", type=float, default=1e-5, show_default=True,
              help="Absolute tolerance for outputs and gradients.")
@click.option("--config", "config", type=click.Path(exists=True, dir_okay=False),
              help="pyproject.toml with [[tool.migrate.entry_points]] (default: found upwards "
                   "from the current directory) when no LEGACY is given.")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable verdicts.")
@click.option("--keep", "keep_dir", type=click.Path(file_okay=False),
              help="Keep the runners' spec, results and logs in this directory.")
@click.option("-v", "--verbose", is_flag=True,
              help="With several entry points, print every variable table (default: only the "
                   "tables of entries that are not equivalent, then one line per entry).")
@click.option("--no-progress", is_flag=True,
              help="No progress lines (they are only shown when stderr is a terminal).")
def check_command(legacy: str | None, migrated: str | None, inputs_npz: str | None,
                  input_specs: tuple[str, ...], arg_specs: tuple[str, ...], strict_order: bool,
                  tf_function: bool, rtol: float, atol: float, config: str | None, as_json: bool,
                  keep_dir: str | None, verbose: bool = False, no_progress: bool = False) -> None:
    """Prove that MIGRATED is equivalent to LEGACY.

    \b
    migrate check LEGACY.py:FUNCTION MIGRATED.py[:CLASS] --input x=float32[2,8]
                          (no :CLASS and no class for FUNCTION: a function FUNCTION)
    migrate check LEGACY.py MIGRATED.py          (whole scripts)
    migrate check                                ([[tool.migrate.entry_points]] in pyproject.toml)

    Exit 0 when equivalent, 1 when not, 2 when a side cannot run.
    """
    from migrate.checker.compare import combined_exit_code
    from migrate.checker.table import render_all

    try:
        entries = _entries(legacy, migrated, inputs_npz, input_specs, arg_specs, config)
        options = Options(mode="num_random_ops" if strict_order else "constant",
                          rtol=rtol, atol=atol, tf_function=tf_function)
    except SpecError as exc:
        raise click.UsageError(str(exc)) from None
    if not entries:
        click.echo("nothing to check: no [[tool.migrate.entry_points]] in pyproject.toml")
        sys.exit(0)
    verdicts = _check_with_progress(entries, options, keep_dir,
                                    show=not (as_json or no_progress) and sys.stderr.isatty())
    code = combined_exit_code(verdicts)
    if as_json:
        payload: dict[str, Any] = {"exit_code": code, "equivalent": code == 0,
                                   "verdicts": [v.to_json() for v in verdicts]}
        click.echo(json.dumps(payload, indent=2, default=str))
    else:
        click.echo(render_all(verdicts, verbose=verbose))
    sys.exit(code)


def _check_with_progress(entries: list[Entry], options: Options, keep_dir: str | None,
                         show: bool) -> list[Any]:
    """check_many, with a line per entry point on stderr as it finishes (terminals only)."""
    import shutil
    import tempfile

    from migrate.checker.api import check_many
    from migrate.checker.progress import CheckProgress

    if not show:
        return check_many(entries, options=options, keep_dir=keep_dir)
    workdir = keep_dir or tempfile.mkdtemp(prefix="migrate-check-")
    progress = CheckProgress(Path(workdir), entries, options, sys.stderr)
    progress.start()
    try:
        return check_many(entries, options=options, keep_dir=workdir)
    finally:
        progress.stop()
        if keep_dir is None:
            shutil.rmtree(workdir, ignore_errors=True)


def _entries(legacy: str | None, migrated: str | None, inputs_npz: str | None,
             input_specs: tuple[str, ...], arg_specs: tuple[str, ...],
             config: str | None) -> list[Entry]:
    if legacy is None:
        if input_specs or arg_specs or inputs_npz:
            raise SpecError("--input/--arg/--inputs need LEGACY and MIGRATED targets")
        path = Path(config) if config else find_pyproject(Path.cwd())
        if path is None:
            raise SpecError("no configuration found: no pyproject.toml in this directory or "
                            "above; give LEGACY and MIGRATED targets, or --config FILE")
        entries = entries_from_pyproject(path)
        if not entries:
            raise SpecError(f"no configuration found: {path} has no "
                            "[[tool.migrate.entry_points]]; give LEGACY and MIGRATED targets")
        for entry in entries:
            validate(entry)
        return entries
    if migrated is None:
        raise SpecError("MIGRATED is required when LEGACY is given")
    inputs = dict(parse_named_input(s) for s in input_specs)
    entry = entry_from_targets(legacy, migrated)
    entry.args = dict(parse_named_arg(s) for s in arg_specs)  # already parsed: not again
    entry.inputs = inputs
    entry.inputs_npz = inputs_npz
    if entry.script and (inputs or inputs_npz or arg_specs):
        raise SpecError("whole-script mode (no :FUNCTION) takes no inputs or args")
    validate(entry)
    return [entry]
