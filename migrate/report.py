"""Stage 3: what a run did, for machines (JSON report, SARIF) and for people (the summary)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from migrate import __version__
from migrate.diagnostics import NEXT_STEPS, REASONS, Diagnostic
from migrate.result import FileResult
from migrate.source_io import atomic_write
from migrate.verify import VERIFY_FAILED

REPORT_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
LIST_LIMIT = 20  # files listed per group in the human summary: one screen


def describe(code: str) -> str:
    return REASONS.get(code, code)


@dataclass(frozen=True)
class Summary:
    files: int
    changed: int
    unchanged: int
    skipped: int
    error: int
    functions_converted: int
    diagnostics_by_code: tuple[tuple[str, int], ...]  # sorted by code
    verification_failed: int = 0  # error files whose output failed migrate/verify.py

    @classmethod
    def of(cls, results: Sequence[FileResult]) -> "Summary":
        status = Counter(r.status for r in results)
        codes = Counter(d.code for r in results for d in r.diagnostics)
        return cls(
            files=len(results),
            changed=status["changed"],
            unchanged=status["unchanged"],
            skipped=status["skipped"],
            error=status["error"],
            functions_converted=sum(len(r.functions) for r in results),
            diagnostics_by_code=tuple(sorted(codes.items())),
            verification_failed=sum(1 for r in results if _failed_verification(r)),
        )

    def to_json(self) -> dict:
        return {
            "files": self.files,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "error": self.error,
            "functions_converted": self.functions_converted,
            "diagnostics_by_code": dict(self.diagnostics_by_code),
            "verification_failed": self.verification_failed,
        }


def _failed_verification(r: FileResult) -> bool:
    return r.status == "error" and any(
        d.code == "internal-error" and d.message.startswith(VERIFY_FAILED) for d in r.diagnostics
    )


# ---------------------------------------------------------------- machine-readable


def report_json(results: Sequence[FileResult]) -> dict:
    return {
        "version": REPORT_VERSION,
        "tool": f"migrate {__version__}",
        "summary": Summary.of(results).to_json(),
        "files": [
            {
                "path": r.path,
                "status": r.status,
                "reason": r.reason,
                "diagnostics": [d.to_json() for d in r.diagnostics],
                "functions": [f.to_json() for f in r.functions],
            }
            for r in results
        ],
    }


def sarif(results: Sequence[FileResult]) -> dict:
    """SARIF 2.1.0: one result per diagnostic, rules = the codes that occur."""
    diags = [d for r in results for d in r.diagnostics]
    codes = sorted({d.code for d in diags})
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "migrate",
                        "version": __version__,
                        "rules": [
                            {"id": code, "shortDescription": {"text": describe(code)},
                             "help": {"text": next_step(code)}}
                            for code in codes
                        ],
                    }
                },
                "results": [_sarif_result(d) for d in diags],
            }
        ],
    }


def _sarif_result(d: Diagnostic) -> dict:
    return {
        "ruleId": d.code,
        "level": SARIF_LEVEL.get(d.severity, "warning"),
        "message": {"text": d.message or describe(d.code)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": d.path},
                    # SARIF lines and columns are 1-based; Diagnostic columns are 0-based.
                    "region": {"startLine": max(d.line, 1), "startColumn": d.column + 1},
                }
            }
        ],
    }


def write_json(path: Path, data: dict) -> None:
    """Written whole or not at all: a CI job must never read half a report."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"), mode=0o644)


# ---------------------------------------------------------------- for people


def plural(n: int, word: str) -> str:
    """`1 variable`, `2 variables`: summaries read as sentences."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def shown(d: Diagnostic, verbose: bool) -> bool:
    """Info notes (an initializer rewritten to a value-keeping spelling, ...) are counted, not
    printed, unless -v: like ruff and black, only what needs the user's attention shows."""
    return verbose or d.severity != "info"


def diagnostic_lines(results: Iterable[FileResult], limit: int = 50, verbose: bool = False) -> list[str]:
    """`path:line:col: code: message`, capped; the report has them all."""
    all_diags = [d for r in results for d in r.diagnostics if shown(d, verbose)]
    lines = [str(d) for d in all_diags[:limit]]
    if len(all_diags) > limit:
        lines.append(f"... and {len(all_diags) - limit} more diagnostics (see --report)")
    return lines


def human_summary(
    results: Sequence[FileResult],
    mode: str,
    details: dict[str, str],
    written: Sequence[str] = (),
    quiet: bool = False,
    verbose: bool = False,
) -> str:
    """One screen: counts, what changed (classes per file), what was refused and what to do
    about it, the diagnostics histogram, the info notes hidden, outputs."""
    s = Summary.of(results)
    lines: list[str] = []
    if not quiet:
        verb = {"dry-run": "would change", "check": "would change"}.get(mode, "changed")
        note = {"dry-run": " (dry run: nothing written)", "check": " (check: nothing written)"}
        lines.append(
            f"migrate: {plural(s.files, 'file')}: {s.changed} {verb}, "
            f"{s.unchanged} unchanged, {s.skipped} skipped, {plural(s.error, 'error')}"
            + note.get(mode, "")
        )
        if s.verification_failed:
            lines.append(f"verification failed: {plural(s.verification_failed, 'file')} left "
                         "untouched (the migrated text would not run; a migrate bug)")
        lines.append(f"functions converted: {s.functions_converted}")
        lines += _converted_listing(results)
        if s.diagnostics_by_code:
            hist = ", ".join(f"{code} {n}" for code, n in s.diagnostics_by_code)
            lines.append(f"diagnostics: {hist}")
        lines += _next_steps(results)
        hidden = [d for r in results for d in r.diagnostics if not shown(d, verbose)]
        if hidden:
            codes = Counter(d.code for d in hidden)
            what = ", ".join(f"{code} {n}" for code, n in sorted(codes.items()))
            lines.append(f"{plural(len(hidden), 'info note')} ({what}), -v to show")
        lines += _listing("skipped", [r for r in results if r.status == "skipped"], details)
    lines += _listing("error", [r for r in results if r.status == "error"], details)
    if not quiet:
        lines += [f"written: {w}" for w in written]
    return "\n".join(lines)


def _converted_listing(results: Sequence[FileResult]) -> list[str]:
    """What changed, per file: the classes its functions became (the diff is --dry-run's)."""
    converted = [r for r in results if r.functions]
    lines = []
    for r in converted[:LIST_LIMIT]:
        names = ", ".join(f.class_name for f in r.functions)
        lines.append(f"  {r.path}: {names}")
    if len(converted) > LIST_LIMIT:
        lines.append(f"  ... and {len(converted) - LIST_LIMIT} more files (see --report)")
    return lines


def _next_steps(results: Sequence[FileResult]) -> list[str]:
    """Each warning / error code that occurred, once, with what the user can do about it."""
    codes = Counter(d.code for r in results for d in r.diagnostics if d.severity != "info")
    # A skipped file has a reason but no diagnostic; an error file has both (count it once).
    codes.update(r.reason for r in results
                 if r.reason and r.status in ("error", "skipped") and r.reason not in {d.code for d in r.diagnostics})
    if not codes:
        return []
    lines = ["next steps:"]
    for code, n in sorted(codes.items()):
        lines.append(f"  {code} ({n}): {next_step(code)}")
    return lines


def next_step(code: str) -> str:
    return NEXT_STEPS.get(code, "see the README's reason codes")


def _listing(title: str, group: Sequence[FileResult], details: dict[str, str]) -> list[str]:
    if not group:
        return []
    lines = [f"{title}:"]
    for r in group[:LIST_LIMIT]:
        why = _first_line(details.get(r.path, ""))
        lines.append(f"  {r.path}: {r.reason}" + (f" ({why})" if why else ""))
    if len(group) > LIST_LIMIT:
        lines.append(f"  ... and {len(group) - LIST_LIMIT} more (see --report)")
    return lines


def _first_line(text: str) -> str:
    """A traceback's last line is the useful one; other details are one line already."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if not lines:
        return ""
    return (lines[-1] if lines[0].startswith("Traceback") else lines[0])[:160]
