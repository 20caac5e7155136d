#!/usr/bin/env python3
"""Side-by-side speed benchmark: tf_upgrade_v2 vs `migrate run` vs a bare libcst round trip.

All runs use the same files (a corpus built by benchmarks/corpus.py, default /tmp/tf1-corpus):

  (a) tf_upgrade_v2 --intree COPY --inplace      on a throwaway copy of tf1/  (may abort: recorded)
  (b) migrate run --dry-run -j N tf1/            (stdout to /dev/null)
  (c) libcst.parse_module(src).code per file     one process, one core, on tf1/
  (d) (b) and (c) again on all/                  (~1500 files, mostly no TF1 scopes)

Every run is a subprocess, measured for wall time, peak RSS of its whole process tree (sampled from
/proc, so `-j 2` workers are summed) and the largest single process (wait4 ru_maxrss).
Ratios (time ratios, as line throughput so a tf_upgrade_v2 run that had to drop a file stays fair):

  tf_upgrade_v2 / migrate      target >= 3   (tf1/)
  migrate / libcst-bare        target <= 2   (tf1/ and all/)

Usage:
  .venv/bin/python benchmarks/bench.py [--corpus /tmp/tf1-corpus] [--jobs 2]
                                       [--skip-tf-upgrade] [--skip-all] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path("/tmp/tf1-corpus")

# The bare libcst baseline, run in its own interpreter (so its RSS and start-up are measured the
# same way as migrate's).  Prints one JSON line.
LIBCST_BARE = r"""
import json, os, sys, time
t0 = time.perf_counter()
import libcst
root = sys.argv[1]
paths = []
for d, dirs, files in os.walk(root):
    dirs.sort()
    paths += [os.path.join(d, f) for f in sorted(files) if f.endswith(".py")]
ok = parse_errors = decode_errors = mismatches = lines = 0
t1 = time.perf_counter()
for p in paths:
    with open(p, "rb") as fh:
        raw = fh.read()
    try:
        src = raw.decode("utf-8")
    except UnicodeDecodeError:
        decode_errors += 1
        continue
    try:
        code = libcst.parse_module(src).code
    except Exception:  # ParserSyntaxError (Python 2 files, ...), RecursionError
        parse_errors += 1
        continue
    ok += 1
    lines += src.count("\n")
    if code != src:
        mismatches += 1
t2 = time.perf_counter()
print(json.dumps({"files": len(paths), "ok": ok, "parse_errors": parse_errors,
                  "decode_errors": decode_errors, "roundtrip_mismatches": mismatches,
                  "ok_lines": lines, "import_seconds": t1 - t0, "parse_seconds": t2 - t1}))
"""


# ----------------------------------------------------------------------------- measuring


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as fh:
                    kids += [int(x) for x in fh.read().split()]
            except OSError:
                pass
    except OSError:
        pass
    return kids


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _tree_rss(root: int) -> int:
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _rss_bytes(pid)
        stack += _children(pid)
    return total


@dataclass
class Measured:
    returncode: int
    seconds: float
    peak_tree_mb: float  # sampled sum of RSS over the process tree
    max_proc_mb: float  # wait4 ru_maxrss: the largest single process (incl. reaped descendants)
    stdout_tail: str = ""
    stderr_tail: str = ""


def measure(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None, stdout_to_null: bool = False,
            timeout: float = 3600.0, interval: float = 0.05) -> Measured:
    """Run `cmd`, returning wall time, peak tree RSS and ru_maxrss; never raises on failure."""
    out_f = tempfile.TemporaryFile()
    err_f = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL if stdout_to_null else out_f, stderr=err_f,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    deadline = t0 + timeout
    status, ru = None, None
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, ru = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    seconds = time.perf_counter() - t0
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again

    def tail(f, n: int = 4000) -> str:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - n))
        return f.read().decode("utf-8", "replace")

    return Measured(
        returncode=proc.returncode,
        seconds=seconds,
        peak_tree_mb=max(peak, ru.ru_maxrss * 1024) / 2**20,
        max_proc_mb=ru.ru_maxrss / 1024,  # Linux: kilobytes
        stdout_tail="" if stdout_to_null else tail(out_f),
        stderr_tail=tail(err_f),
    )


# ----------------------------------------------------------------------------- corpus helpers


def py_files(root: Path) -> list[Path]:
    out: list[Path] = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        out += [Path(d) / f for f in sorted(files) if f.endswith(".py")]
    return out


def count_lines(paths: list[Path]) -> int:
    n = 0
    for p in paths:
        data = p.read_bytes()
        n += data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return n


@dataclass
class Result:
    name: str
    tree: str  # "tf1" or "all"
    files: int
    lines: int
    seconds: float | None = None
    peak_tree_mb: float | None = None
    max_proc_mb: float | None = None
    returncode: int | None = None
    ok: bool = False
    notes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def files_per_s(self) -> float | None:
        return self.files / self.seconds if self.ok and self.seconds else None

    @property
    def lines_per_s(self) -> float | None:
        return self.lines / self.seconds if self.ok and self.seconds else None

    def to_json(self) -> dict:
        d = asdict(self)
        d["files_per_s"] = self.files_per_s
        d["lines_per_s"] = self.lines_per_s
        return d


def fill(r: Result, m: Measured) -> Result:
    r.seconds, r.peak_tree_mb, r.max_proc_mb, r.returncode = m.seconds, m.peak_tree_mb, m.max_proc_mb, m.returncode
    r.extra["loadavg_1m_after"] = round(os.getloadavg()[0], 2)  # other work on the box skews timings
    return r


def last_line(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1][:200] if lines else ""


# ----------------------------------------------------------------------------- the runs


def run_libcst(tree: Path, label: str, python: str, scratch: Path, timeout: float) -> Result:
    files = py_files(tree)
    r = Result("libcst bare (1 core)", label, len(files), count_lines(files))
    m = measure([python, "-c", LIBCST_BARE, str(tree)], cwd=scratch, timeout=timeout)
    fill(r, m)
    try:
        info = json.loads(m.stdout_tail.strip().splitlines()[-1])
    except (IndexError, ValueError):
        r.notes.append(f"failed rc={m.returncode}: {last_line(m.stderr_tail)}")
        return r
    r.ok = m.returncode == 0
    r.extra = info
    if info["parse_errors"] or info["decode_errors"]:
        r.notes.append(f"{info['parse_errors']} parse / {info['decode_errors']} decode errors")
    if info["roundtrip_mismatches"]:
        r.notes.append(f"{info['roundtrip_mismatches']} round-trip mismatches")
    r.notes.append(f"import {info['import_seconds']:.2f}s, parse+code {info['parse_seconds']:.2f}s")
    return r


def run_migrate(tree: Path, label: str, cmd_prefix: list[str], jobs: int, scratch: Path,
                env: dict[str, str], timeout: float) -> Result:
    files = py_files(tree)
    r = Result(f"migrate run --dry-run -j {jobs}", label, len(files), count_lines(files))
    # dry-run writes nothing, but run on a throwaway copy anyway: the tool is under development
    work = scratch / f"migrate-{label}"
    shutil.copytree(tree, work)
    report = scratch / f"migrate-{label}-report.json"
    cmd = [*cmd_prefix, "run", "--dry-run", "-j", str(jobs), str(work)]
    m = measure(cmd, cwd=scratch, env=env, stdout_to_null=True, timeout=timeout)
    fill(r, m)
    r.extra["cmd"] = cmd
    # exit 0: nothing to do / diff printed; 1: changes pending (only with --check, but accept it)
    r.ok = m.returncode in (0, 1)
    if not r.ok:
        r.notes.append(f"FAILED rc={m.returncode}: {last_line(m.stderr_tail)}")
    changed = [p for p in py_files(work) if p.read_bytes() != (tree / p.relative_to(work)).read_bytes()]
    if changed:
        r.notes.append(f"--dry-run modified {len(changed)} files!")
    shutil.rmtree(work, ignore_errors=True)
    report.unlink(missing_ok=True)
    return r


def _find_abort_culprit(work: Path, start_ns: int) -> Path | None:
    """tf_upgrade_v2 --inplace rewrites files in os.walk order; the first untouched one aborted it."""
    for d, _, names in os.walk(work):
        for n in names:
            if n.endswith(".py"):
                p = Path(d) / n
                if not p.is_symlink() and p.stat().st_mtime_ns < start_ns:
                    return p
    return None


def run_tf_upgrade(tree: Path, label: str, tfu: list[str], scratch: Path, timeout: float,
                   retries: int) -> Result:
    work = scratch / f"tfu-{label}"
    shutil.copytree(tree, work)
    tmp = scratch / "tfu-tmp"  # tf_upgrade_v2 leaves temp files behind when it aborts
    tmp.mkdir(exist_ok=True)
    env = dict(os.environ, TMPDIR=str(tmp), TF_CPP_MIN_LOG_LEVEL="2")
    excluded: list[str] = []
    aborts: list[dict] = []
    r = Result("tf_upgrade_v2 --intree --inplace", label, 0, 0)
    for attempt in range(retries + 1):
        files = py_files(work)
        for p in files:  # make "touched by this run" detectable
            os.utime(p, ns=(0, 0))
        r.files, r.lines = len(files), count_lines(files)
        report = scratch / f"tfu-{label}-report.txt"
        start_ns = time.time_ns() - 1
        cmd = [*tfu, "--intree", str(work), "--inplace", "--reportfile", str(report)]
        m = measure(cmd, cwd=scratch, env=env, stdout_to_null=True, timeout=timeout)
        fill(r, m)
        r.extra["cmd"] = cmd
        if m.returncode == 0:
            r.ok = True
            text = report.read_text(errors="replace") if report.exists() else ""
            r.extra["parse_failures"] = text.count("ERROR: Failed to parse")
            zero = [str(p.relative_to(work)) for p in py_files(work)
                    if p.stat().st_size == 0 and (tree / p.relative_to(work)).stat().st_size > 0]
            r.extra["zero_byte_outputs"] = zero
            if zero:
                r.notes.append(f"{len(zero)} file(s) written as 0 bytes (could not parse): {', '.join(zero[:3])}")
            break
        culprit = _find_abort_culprit(work, start_ns)
        rel = str(culprit.relative_to(work)) if culprit else None
        aborts.append({"attempt": attempt, "returncode": m.returncode, "seconds": m.seconds, "file": rel,
                       "error": last_line(m.stderr_tail)})
        if culprit is None or attempt == retries:
            r.notes.append(f"ABORTED rc={m.returncode}: {last_line(m.stderr_tail)}")
            break
        # restore the copy (the aborted run rewrote files in place), drop the culprit, run again
        shutil.rmtree(work)
        shutil.copytree(tree, work)
        excluded.append(rel)
        for e in excluded:
            (work / e).unlink()
    if aborts:
        r.notes.append(f"aborted {len(aborts)}x; excluded and re-ran without: {', '.join(excluded) or '-'}")
    r.extra["aborts"] = aborts
    r.extra["excluded"] = excluded
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)
    return r


# ----------------------------------------------------------------------------- reporting


def fmt(v: float | None, spec: str) -> str:
    return "-" if v is None else format(v, spec)


def ratio(num: Result | None, den: Result | None) -> float | None:
    """Time ratio num/den on equal work: (den lines/s) / (num lines/s)."""
    if not num or not den or not num.lines_per_s or not den.lines_per_s:
        return None
    return den.lines_per_s / num.lines_per_s


def print_table(results: list[Result], ratios: list[dict], header: str) -> None:
    print(header)
    h = (f"{'run':<34} {'tree':<4} {'files':>6} {'lines':>7} {'seconds':>8} {'peak MB':>8} {'proc MB':>8}"
         f" {'files/s':>8} {'lines/s':>8}  notes")
    print(h)
    print("-" * len(h))
    for r in results:
        print(f"{r.name:<34} {r.tree:<4} {r.files:>6} {r.lines:>7} {fmt(r.seconds, '8.2f')} "
              f"{fmt(r.peak_tree_mb, '8.0f')} {fmt(r.max_proc_mb, '8.0f')} {fmt(r.files_per_s, '8.1f')} "
              f"{fmt(r.lines_per_s, '8.0f')}  {'; '.join(r.notes)}")
    print()
    h2 = f"{'ratio':<44} {'value':>7} {'target':>8}  verdict"
    print(h2)
    print("-" * len(h2))
    for q in ratios:
        v = q["value"]
        verdict = "n/a (" + q["why"] + ")" if v is None else ("PASS" if q["pass"] else "FAIL")
        print(f"{q['name']:<44} {fmt(v, '7.2f')} {q['target']:>8}  {verdict}")
    print("\npeak MB: sampled RSS sum over the run's process tree; proc MB: largest single process (ru_maxrss).")
    print("ratios are time ratios on equal work (computed from lines/s).")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="dir with tf1/ and all/ (corpus.py)")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="migrate -j (default 2)")
    ap.add_argument("--skip-tf-upgrade", action="store_true", help="do not run tf_upgrade_v2 (~1 min)")
    ap.add_argument("--skip-all", action="store_true", help="skip the all/ runs (d)")
    ap.add_argument("--json", type=Path, help="write every number to this JSON file")
    ap.add_argument("--python", default=sys.executable, help="interpreter for migrate and libcst runs")
    ap.add_argument("--migrate-cmd", help="command prefix for migrate (default: PYTHON -m migrate)")
    ap.add_argument("--tf-upgrade", help="tf_upgrade_v2 executable (default: next to PYTHON, or on PATH)")
    ap.add_argument("--tf-upgrade-retries", type=int, default=3,
                    help="when tf_upgrade_v2 aborts on a file, drop that file and re-run (default 3 times)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="per run, seconds")
    args = ap.parse_args(argv)

    tf1, all_ = args.corpus / "tf1", args.corpus / "all"
    if not tf1.is_dir():
        print(f"no corpus at {args.corpus} (expected tf1/ and all/): run benchmarks/corpus.py first", file=sys.stderr)
        return 2
    if not all_.is_dir():
        args.skip_all = True

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    migrate_cmd = args.migrate_cmd.split() if args.migrate_cmd else [args.python, "-m", "migrate"]
    tfu = args.tf_upgrade or str(Path(args.python).parent / "tf_upgrade_v2")
    if not Path(tfu).exists():
        tfu = shutil.which("tf_upgrade_v2") or tfu

    load0 = os.getloadavg()[0]
    if load0 > 0.5:
        print(f"warning: load average {load0:.2f} before start: timings will be noisy", file=sys.stderr)
    results: list[Result] = []
    by: dict[tuple[str, str], Result] = {}
    with tempfile.TemporaryDirectory(prefix="migrate-bench-") as scratch_s:
        scratch = Path(scratch_s)

        def add(key: tuple[str, str], r: Result) -> None:
            results.append(r)
            by[key] = r
            print(f"  {r.name} [{r.tree}]: {fmt(r.seconds, '.2f')}s {'ok' if r.ok else 'FAILED'}"
                  f" {'; '.join(r.notes)}", file=sys.stderr, flush=True)

        print(f"benchmark on {args.corpus} ({os.cpu_count()} cpus)", file=sys.stderr, flush=True)
        if not args.skip_tf_upgrade:
            add(("tfu", "tf1"), run_tf_upgrade(tf1, "tf1", [tfu], scratch, args.timeout, args.tf_upgrade_retries))
        add(("migrate", "tf1"), run_migrate(tf1, "tf1", migrate_cmd, args.jobs, scratch, env, args.timeout))
        add(("libcst", "tf1"), run_libcst(tf1, "tf1", args.python, scratch, args.timeout))
        if not args.skip_all:
            add(("migrate", "all"), run_migrate(all_, "all", migrate_cmd, args.jobs, scratch, env, args.timeout))
            add(("libcst", "all"), run_libcst(all_, "all", args.python, scratch, args.timeout))

    def why(*keys: tuple[str, str]) -> str:
        for k in keys:
            if k not in by:
                return f"{k[0]} not run"
            if not by[k].ok:
                return f"{k[0]} failed"
        return ""

    ratios = []
    spec = [("tf_upgrade_v2 / migrate  (tf1, time)", ("tfu", "tf1"), ("migrate", "tf1"), ">= 3", lambda v: v >= 3)]
    spec += [(f"migrate / libcst-bare  ({t}, time)", ("migrate", t), ("libcst", t), "<= 2", lambda v: v <= 2)
             for t in ("tf1", "all")]
    for name, a, b, target, ok in spec:
        if b[1] == "all" and args.skip_all:
            continue
        v = ratio(by.get(a), by.get(b))
        ratios.append({"name": name, "value": v, "target": target, "pass": None if v is None else ok(v),
                       "why": why(a, b) or "no data"})

    meta = {"corpus": str(args.corpus), "jobs": args.jobs, "cpus": os.cpu_count(), "loadavg_1m_start": load0,
            "python": platform.python_version(), "platform": platform.platform(),
            "time": time.strftime("%Y-%m-%d %H:%M:%S")}
    try:  # which migrate was measured: the tool changes under active development
        meta["migrate_commit"] = subprocess.run(["git", "-C", str(REPO_ROOT), "describe", "--always", "--dirty"],
                                                capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    manifest = args.corpus / "manifest.json"
    if manifest.exists():
        meta["corpus_totals"] = json.loads(manifest.read_text()).get("totals")
    meta["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
    header = (f"corpus {args.corpus}   cpus {os.cpu_count()}   migrate {meta.get('migrate_commit', '?')} -j {args.jobs}"
              f"   python {meta['python']}"
              f"   load avg (1m) before {load0:.2f}, after {meta['loadavg_1m_end']:.2f}")
    print()
    print_table(results, ratios, header)
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "results": [r.to_json() for r in results],
                                         "ratios": ratios}, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
