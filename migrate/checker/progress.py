"""`migrate check` progress on a terminal: the TensorFlow start-up, then one line per entry point
as it finishes (name, verdict, seconds).

It only watches the batch's work directory (the runners write `<side>_started.json` once
TensorFlow is imported and `<side>_<id>.json` after each entry), so the batch itself is untouched.
The verdict shown is the one before the TF1-checkpoint step, which needs the whole legacy run;
the final table has the complete one.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import IO, Sequence

from migrate.checker.spec import Entry, Options

POLL_SECONDS = 0.2


def short_label(label: str) -> str:
    """The legacy side of an entry's label, relative to the working directory when below it."""
    legacy = label.split(" ↔ ")[0]
    path, sep, function = legacy.rpartition(":") if ":" in os.path.basename(legacy) else (legacy, "", "")
    try:
        rel = os.path.relpath(path)
        path = path if rel.startswith("..") else rel
    except ValueError:  # another drive (Windows)
        pass
    return f"{path}{sep}{function}"


class CheckProgress(threading.Thread):
    """Polls `workdir` until `stop()`; writes progress lines to `stream`."""

    def __init__(self, workdir: Path, entries: Sequence[Entry], options: Options, stream: IO[str]) -> None:
        super().__init__(daemon=True)
        self.workdir = Path(workdir)
        self.entries = list(entries)
        self.options = options
        self.stream = stream
        self.started = time.monotonic()
        self.last = self.started
        self.done: set[int] = set()
        self.sides_started: dict[str, float] = {}
        self._stop_event = threading.Event()

    def run(self) -> None:
        n = len(self.entries)
        self._say(f"starting TensorFlow twice (TF1 graph side and TF2 eager side, once for all "
                  f"{n} entry point{'s' if n != 1 else ''})…")
        while not self._stop_event.wait(POLL_SECONDS):
            self.poll()
        self.poll()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)

    def poll(self) -> None:
        for side in ("legacy", "modern"):
            if side not in self.sides_started:
                seconds = self._read_seconds(self.workdir / f"{side}_started.json")
                if seconds is not None:
                    self.sides_started[side] = seconds
                    if len(self.sides_started) == 2:
                        self.last = time.monotonic()
                        self._say(f"TensorFlow start-up: {self.sides_started['legacy']:.1f} s (TF1 side), "
                                  f"{self.sides_started['modern']:.1f} s (TF2 side), in parallel")
        for i, entry in enumerate(self.entries):
            if i in self.done:
                continue
            line = self._finished(i, entry)
            if line is not None:
                self.done.add(i)
                now = time.monotonic()
                self._say(f"{line}  {now - self.last:.1f} s")
                self.last = now

    def _finished(self, i: int, entry: Entry) -> str | None:
        paths = [self.workdir / f"{side}_{i}.json" for side in ("legacy", "modern")]
        if not all(p.exists() for p in paths):
            return None
        try:
            from migrate.checker.compare import SideResult, compare

            verdict = compare(entry.describe(), SideResult(str(self.workdir), "legacy", i),
                              SideResult(str(self.workdir), "modern", i), script=entry.script,
                              rtol=self.options.rtol, atol=self.options.atol)
        except (OSError, ValueError, KeyError, EOFError):
            return None  # still being written: next poll
        except Exception:  # noqa: BLE001 - progress must never break the check itself
            return f"  · {short_label(entry.describe())}: ran"
        mark = {"equivalent": "✓", "not equivalent": "✗", "error": "!"}[verdict.status]
        status = "cannot run" if verdict.status == "error" else verdict.status
        return f"  {mark} {short_label(entry.describe())}: {status}"

    @staticmethod
    def _read_seconds(path: Path) -> float | None:
        try:
            return float(json.loads(path.read_text(encoding="utf-8"))["import_seconds"])
        except (OSError, ValueError, KeyError):
            return None

    def _say(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
