"""Run a batch of checks: one legacy subprocess and one modern subprocess for the whole batch.

TensorFlow costs ~3 s and ~500 MB to start, so N entry points cost 2 start-ups, not 2N. The two
processes run at the same time; the modern one waits (on stdin) only for the last step, the
restore of the TF1 checkpoints the legacy one wrote.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from migrate.checker.compare import SideResult, Verdict, compare
from migrate.checker import arguments
from migrate.checker.spec import (
    Entry,
    Options,
    SpecError,
    TensorSpec,
    entry_from_targets,
    validate,
)


@dataclass
class BatchStats:
    """How the last batch went (benchmarks/bench_check.py reports these)."""

    entries: int = 0
    tf_startups: int = 0  # runner subprocesses started (each imports TensorFlow once)
    seconds: float = 0.0
    import_seconds: dict[str, float] = field(default_factory=dict)


LAST_BATCH = BatchStats()
TOTAL_TF_STARTUPS = 0  # over the life of this process


def _as_entry(item: Entry | Mapping[str, Any]) -> Entry:
    if isinstance(item, Entry):
        return item
    return entry_from_targets(item["legacy"], item["migrated"], item.get("inputs"),
                              item.get("args"), item.get("label", ""),
                              init_args=item.get("init_args"),
                              tf_function=item.get("tf_function"), setup=item.get("setup"))


def _materialize_inputs(entry: Entry, path: Path) -> str | None:
    """Write the entry's input arrays (generated from specs, given, or from an .npz) to `path`."""
    import numpy as np

    from migrate.checker.values import input_array

    if entry.script:
        return None
    arrays: dict[str, Any] = {}
    if entry.inputs_npz:
        with np.load(entry.inputs_npz) as npz:
            arrays.update({k: npz[k] for k in npz.files})
    for name, value in entry.inputs.items():
        if isinstance(value, TensorSpec):
            arrays[name] = input_array(name, value.dtype, value.shape)
        else:
            arrays[name] = np.asarray(value)
    np.savez(str(path), **arrays)
    return str(path)


def _error_verdict(entry: Entry, reason: str, detail: str = "") -> Verdict:
    return Verdict(entry.describe(), "error", script=entry.script, error=reason, error_detail=detail)


def _runner_env() -> dict[str, str]:
    env = dict(os.environ)
    env["TF_USE_LEGACY_KERAS"] = "1"  # tf.compat.v1.layers and the test tool need tf_keras
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env["PYTHONHASHSEED"] = "0"
    # The runners are `python -m migrate.checker.*`: make this package importable even when it
    # is not installed (tests, a checkout).
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    return env


def _tail(path: Path, limit: int = 2000) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return text[-limit:]


def check_many(
    entries: Iterable[Entry | Mapping[str, Any]],
    *,
    options: Options | None = None,
    keep_dir: str | None = None,
) -> list[Verdict]:
    """Check every entry with two TensorFlow start-ups in all; one Verdict per entry, in order.

    Entries are `Entry` objects or dicts {legacy, migrated, inputs?, args?, label?, init_args?,
    setup?, tf_function?}; string args are Python source (migrate.checker.arguments).
    `keep_dir` keeps the spec, results and runner logs there (for debugging).
    """
    global TOTAL_TF_STARTUPS
    options = options or Options()
    entries = [_as_entry(e) for e in entries]
    started = time.perf_counter()
    stats = BatchStats(entries=len(entries))
    workdir = Path(keep_dir) if keep_dir else Path(tempfile.mkdtemp(prefix="migrate-check-"))
    workdir.mkdir(parents=True, exist_ok=True)
    verdicts: dict[int, Verdict] = {}
    runnable: list[dict[str, Any]] = []
    try:
        for i, entry in enumerate(entries):
            missing = [p for p in (entry.legacy_path, entry.migrated_path) if not os.path.isfile(p)]
            if missing:
                verdicts[i] = _error_verdict(entry, f"no such file: {', '.join(missing)}")
                continue
            try:
                validate(entry)
                npz = _materialize_inputs(entry, workdir / f"inputs_{i}.npz")
                args = arguments.encode(entry.args, "args")
                init_args = arguments.encode(entry.init_args, "init_args")
                setup = arguments.check_setup(entry.setup)
            except (OSError, ValueError, SpecError) as exc:
                verdicts[i] = _error_verdict(entry, f"bad inputs or args: {exc}")
                continue
            runnable.append({
                "id": i,
                "legacy_path": os.path.abspath(entry.legacy_path),
                "migrated_path": os.path.abspath(entry.migrated_path),
                "function": entry.function,
                "klass": entry.klass,
                "script": entry.script,
                "inputs_npz": npz,
                "args": args,
                "init_args": init_args,
                "setup": ({"path": os.path.abspath(setup[0]), "function": setup[1]}
                          if setup else None),
                "tf_function": bool(options.tf_function if entry.tf_function is None
                                    else entry.tf_function),
            })
        if runnable:
            spec_path = workdir / "spec.json"
            spec_path.write_text(json.dumps({"mode": options.mode, "outdir": str(workdir),
                                             "entries": runnable}, indent=1), encoding="utf-8")
            _run_sides(spec_path, workdir, runnable, options, stats)
            for item in runnable:
                entry = entries[item["id"]]
                verdicts[item["id"]] = _collect(entry, item["id"], workdir, options)
    finally:
        stats.seconds = round(time.perf_counter() - started, 3)
        TOTAL_TF_STARTUPS += stats.tf_startups
        LAST_BATCH.__dict__.update(stats.__dict__)
        if not keep_dir:
            shutil.rmtree(workdir, ignore_errors=True)
    return [verdicts[i] for i in range(len(entries))]


def _run_sides(spec_path: Path, workdir: Path, runnable: list[dict[str, Any]],
               options: Options, stats: BatchStats) -> None:
    env = _runner_env()
    deadline = None if options.timeout is None else time.monotonic() + options.timeout

    def start(side: str, **kwargs: Any) -> subprocess.Popen[bytes]:
        stats.tf_startups += 1
        with open(workdir / f"{side}.out", "wb") as out, open(workdir / f"{side}.err", "wb") as err:
            return subprocess.Popen(
                [sys.executable, "-m", f"migrate.checker.{side}_runner", str(spec_path)],
                stdout=out, stderr=err, env=env, cwd=os.getcwd(), **kwargs)

    legacy = start("legacy", stdin=subprocess.DEVNULL)
    modern = start("modern", stdin=subprocess.PIPE)
    try:
        _wait(legacy, deadline)
        checkpoints = {}
        for item in runnable:
            meta = workdir / f"legacy_{item['id']}.json"
            if meta.exists():
                prefix = json.loads(meta.read_text(encoding="utf-8")).get("checkpoint")
                if prefix:
                    checkpoints[str(item["id"])] = prefix
        try:
            assert modern.stdin is not None
            modern.stdin.write((json.dumps({"checkpoints": checkpoints}) + "\n").encode())
            modern.stdin.close()
        except (BrokenPipeError, OSError):
            pass  # the modern side already ended; its results (or crash) speak for it
        _wait(modern, deadline)
    finally:
        for proc in (legacy, modern):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    for side in ("legacy", "modern"):
        done = workdir / f"{side}_done.json"
        if done.exists():
            stats.import_seconds[side] = json.loads(done.read_text())["import_seconds"]


def _wait(proc: subprocess.Popen[bytes], deadline: float | None) -> None:
    try:
        proc.wait(None if deadline is None else max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _collect(entry: Entry, entry_id: int, workdir: Path, options: Options) -> Verdict:
    sides = {}
    for side in ("legacy", "modern"):
        if not (workdir / f"{side}_{entry_id}.json").exists():
            # The runner died before reaching this entry: a crash in TF, a timeout, a kill.
            who = "legacy" if side == "legacy" else "migrated"
            return _error_verdict(
                entry, f"{who} runner stopped before this entry (crash or timeout)",
                _tail(workdir / f"{side}.err"))
        sides[side] = SideResult(str(workdir), side, entry_id)
    return compare(entry.describe(), sides["legacy"], sides["modern"], script=entry.script,
                   rtol=options.rtol, atol=options.atol)


def check(legacy: str, migrated: str, inputs: Mapping[str, Any] | str | None = None,
          args: Mapping[str, Any] | None = None, *, options: Options | None = None,
          init_args: Mapping[str, Any] | None = None, setup: str | None = None) -> Verdict:
    """One entry point; see check_many."""
    entry = entry_from_targets(legacy, migrated, inputs, args, init_args=init_args, setup=setup)
    return check_many([entry], options=options)[0]
