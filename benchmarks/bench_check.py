#!/usr/bin/env python3
"""Benchmark `migrate check` batching: time to check 20 entry points, and TF start-ups it took.

The 20 entry points are the checker's own pairs (tests/checker_cases/): 12 function-mode and 8
whole-script entries, correct and broken. They are checked with ONE check_many call (what
`migrate check` does for [[tool.migrate.entry_points]]), then one entry alone to show what a
start-up pair costs; "unbatched" is that single-entry cost times 20, i.e. 2N start-ups.

Usage: .venv/bin/python benchmarks/bench_check.py [--n 20] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from migrate.checker import api, check_many  # noqa: E402

CASES = ROOT / "tests" / "checker_cases"
GAN = {"z": "float32[2,8]", "images": "float32[2,16]"}


def entry_points() -> list[dict]:
    function = ["gan_ok.py", "gan_unshared.py", "gan_unshared_renamed.py", "gan_overshared.py",
                "gan_overshared_missing.py", "gan_changed_init.py", "gan_renamed.py",
                "gan_dropped.py", "gan_trainable.py", "gan_dtype.py"]
    entries = [dict(legacy=f"{CASES / 'gan_legacy.py'}:build", migrated=str(CASES / m), inputs=GAN)
               for m in function]
    entries += [dict(legacy=f"{CASES / 'layers_legacy.py'}:Model.encode",
                     migrated=str(CASES / m), inputs={"x": "float32[2,5]"}, args={"num_units": 3})
                for m in ("layers_ok.py", "layers_noreg.py")]
    entries += [dict(legacy=str(CASES / "script_legacy.py"), migrated=str(CASES / m))
                for m in ("script_ok.py", "script_unshared.py", "script_overshared.py",
                          "script_changed_init.py", "script_renamed.py", "script_dropped.py",
                          "script_trainable.py", "script_dtype.py")]
    return entries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--json", dest="json_out")
    opts = parser.parse_args()
    pool = entry_points()
    entries = [pool[i % len(pool)] for i in range(opts.n)]
    os.chdir(ROOT)

    start = time.perf_counter()
    verdicts = check_many(entries)
    batch_seconds = time.perf_counter() - start
    batch = dict(api.LAST_BATCH.__dict__)

    start = time.perf_counter()
    check_many(entries[:1])
    single_seconds = time.perf_counter() - start

    statuses: dict[str, int] = {}
    for v in verdicts:
        statuses[v.status] = statuses.get(v.status, 0) + 1
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus, Python {platform.python_version()}",
        "entry_points": len(entries),
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
