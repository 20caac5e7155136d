#!/usr/bin/env python3
"""Benchmark `migrate check` batching: time to check 20 entry points, and TF start-ups it took.

The entry points are the checker's own pairs (tests/checker_cases/): the correct migrations as
they are and the broken ones built from the named edits of tests/checker_cases/mutants.py, each
with the verdict it must get (12 function-mode and 8 whole-script entries by default). They are
checked with ONE check_many call (what `migrate check` does for [[tool.migrate.entry_points]]),
then one entry alone to show what a start-up pair costs; "unbatched" is that single-entry cost
times N, i.e. 2N start-ups.

A benchmark whose work did not run measures nothing: any verdict `error`, or any verdict other
than the expected one, stops it with exit 2 and the tables of the offending entries; the figures
are printed only when every verdict is right.

Usage: .venv/bin/python benchmarks/bench_check.py [--n 20] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from migrate.checker import api, check_many  # noqa: E402

SOURCE_CASES = ROOT / "tests" / "checker_cases"
GAN = {"z": "float32[2,8]", "images": "float32[2,16]"}
EQUIVALENT, NOT_EQUIVALENT = "equivalent", "not equivalent"

# (migrated file, expected verdict): function mode against gan_legacy.py:build ...
GAN_PAIRS = [("gan_ok.py", EQUIVALENT), ("gan_unshared.py", NOT_EQUIVALENT),
             ("gan_unshared_renamed.py", NOT_EQUIVALENT), ("gan_overshared.py", NOT_EQUIVALENT),
             ("gan_overshared_missing.py", NOT_EQUIVALENT), ("gan_changed_init.py", NOT_EQUIVALENT),
             ("gan_renamed.py", NOT_EQUIVALENT), ("gan_dropped.py", NOT_EQUIVALENT),
             ("gan_trainable.py", NOT_EQUIVALENT), ("gan_dtype.py", NOT_EQUIVALENT)]
LAYERS_PAIRS = [("layers_ok.py", EQUIVALENT), ("layers_noreg.py", NOT_EQUIVALENT)]
# ... and whole-script mode against script_legacy.py.
SCRIPT_PAIRS = [("script_ok.py", EQUIVALENT), ("script_unshared.py", NOT_EQUIVALENT),
                ("script_overshared.py", NOT_EQUIVALENT), ("script_changed_init.py", NOT_EQUIVALENT),
                ("script_renamed.py", NOT_EQUIVALENT), ("script_dropped.py", NOT_EQUIVALENT),
                ("script_trainable.py", NOT_EQUIVALENT), ("script_dtype.py", NOT_EQUIVALENT)]


def materialize_cases() -> Path:
    """The pairs on disk: correct files as they are, broken ones built from mutants.py."""
    spec = importlib.util.spec_from_file_location("checker_mutants", SOURCE_CASES / "mutants.py")
    mutants = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mutants)  # type: ignore[union-attr]
    return mutants.materialize(SOURCE_CASES, Path(tempfile.mkdtemp(prefix="bench_check_")))


def entry_points(cases: Path) -> list[tuple[dict, str]]:
    """(entry, expected verdict) pairs; every migrated file must exist."""
    out = [(dict(legacy=f"{cases / 'gan_legacy.py'}:build", migrated=str(cases / m), inputs=GAN), want)
           for m, want in GAN_PAIRS]
    out += [(dict(legacy=f"{cases / 'layers_legacy.py'}:Model.encode", migrated=str(cases / m),
                  inputs={"x": "float32[2,5]"}, args={"num_units": 3}), want)
            for m, want in LAYERS_PAIRS]
    out += [(dict(legacy=str(cases / "script_legacy.py"), migrated=str(cases / m)), want)
            for m, want in SCRIPT_PAIRS]
    missing = [e["migrated"] for e, _ in out if not Path(e["migrated"]).is_file()]
    if missing:
        raise SystemExit(f"bench_check: missing case files: {missing}")
    return out


def wrong_verdicts(verdicts, expected: list[str]) -> list[str]:
    """One line (plus the verdict's table) per entry whose verdict is not the expected one."""
    problems = []
    for i, (verdict, want) in enumerate(zip(verdicts, expected)):
        if verdict.status != want:
            problems.append(f"entry {i}: {verdict.status!r}, expected {want!r}\n{verdict.table()}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--json", dest="json_out")
    opts = parser.parse_args()
    pool = entry_points(materialize_cases())
    chosen = [pool[i % len(pool)] for i in range(opts.n)]
    entries = [e for e, _ in chosen]
    expected = [want for _, want in chosen]
    os.chdir(ROOT)

    start = time.perf_counter()
    verdicts = check_many(entries)
    batch_seconds = time.perf_counter() - start
    batch = dict(api.LAST_BATCH.__dict__)
    problems = wrong_verdicts(verdicts, expected)
    if problems:
        print(f"bench_check: {len(problems)} of {len(entries)} verdicts are wrong; no figure.",
              file=sys.stderr)
        print("\n\n".join(problems), file=sys.stderr)
        return 2

    start = time.perf_counter()
    single = check_many(entries[:1])
    single_seconds = time.perf_counter() - start
    if wrong_verdicts(single, expected[:1]):
        print("bench_check: the single-entry run gave a wrong verdict; no figure.", file=sys.stderr)
        return 2

    statuses: dict[str, int] = {}
    for v in verdicts:
        statuses[v.status] = statuses.get(v.status, 0) + 1
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, Python {platform.python_version()}",
        "entry_points": len(entries),
        "right_verdicts": len(entries),  # every one (else the run stopped above)
        "batched_seconds": round(batch_seconds, 2),
        "batched_tf_startups": batch["tf_startups"],
        "tf_import_seconds": batch["import_seconds"],
        "single_entry_seconds": round(single_seconds, 2),
        "unbatched_estimate_seconds": round(single_seconds * len(entries), 1),
        "unbatched_tf_startups": 2 * len(entries),
        "verdicts": statuses,
    }
    print(json.dumps(report, indent=2))
    if opts.json_out:
        Path(opts.json_out).write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
