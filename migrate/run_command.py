"""`migrate run`: discover -> process (in-process or a pool) -> report. No TensorFlow, ever.

The heavy modules (libcst, the codemod) are imported inside the command so `migrate --help`
stays instant.
"""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterator

import click

if TYPE_CHECKING:
    from migrate.discover import Candidate
    from migrate.result import FileResult

EXIT_OK, EXIT_FAILED, EXIT_INTERNAL = 0, 1, 2


@click.command("run")
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@click.option("--dry-run", is_flag=True, help="Print a unified diff to stdout; write nothing.")
@click.option(
    "--out",
    "out_dir",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write a migrated copy of every file under DIR (paths relative to the common root "
    "of PATHs); originals are not touched.",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 if any file would change (for CI)."
)
@click.option(
    "--report",
    "report_path",
    metavar="FILE.json",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a JSON report (per file: status, diagnostics, converted functions).",
)
@click.option(
    "--sarif",
    "sarif_path",
    metavar="FILE.sarif",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write diagnostics as SARIF 2.1.0 (for code-scanning UIs).",
)
@click.option(
    "-j",
    "--jobs",
    metavar="N",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (0 or unset: [tool.migrate] jobs, else the CPU count).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for files that fail.")
@click.option(
    "-q", "--quiet", is_flag=True, help="Only report errors (no progress, diagnostics, summary)."
)
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Also print info notes (hidden by default, counted in the summary)."
)
def run_command(
    paths: tuple[Path, ...],
    dry_run: bool,
    out_dir: Path | None,
    check: bool,
    report_path: Path | None,
    sarif_path: Path | None,
    jobs: int | None,
    debug: bool,
    quiet: bool,
    no_progress: bool,
    verbose: bool = False,
) -> None:
    """Rewrite TF1 variable_scope code under PATH... into TF2 tf.Module classes.

    PATHs are files or directories (*.py and *.ipynb, .gitignore respected). Files are
    rewritten in place, atomically, unless --dry-run, --check or --out is given. Files that
    cannot be processed (Python 2, syntax errors, bad encodings) are reported and left
    byte-identical. Exit status: 0 done, 1 some file failed (or, with --check, changes are
    pending), 2 usage or internal error.
    """
    if out_dir is not None and (dry_run or check):
        raise click.UsageError("--out cannot be combined with --dry-run or --check")
    request = RunRequest(
        paths=paths,
        mode="dry-run" if dry_run else "check" if check else "out" if out_dir else "write",
        check=check,
        out_dir=out_dir,
        report_path=report_path,
        sarif_path=sarif_path,
        jobs=jobs,
        debug=debug,
        quiet=quiet,
        progress=not (quiet or no_progress),
        verbose=verbose,
    )
    try:
        code = _run(request)
    except click.ClickException:
        raise
    except Exception as exc:  # the run itself broke (not one file): exit 2, as promised
        click.echo(f"migrate: internal error: {type(exc).__name__}: {exc}", err=True)
        if debug:
            click.echo(traceback.format_exc(), err=True)
        code = EXIT_INTERNAL
    sys.exit(code)


@dataclass(frozen=True)
class RunRequest:
    """The command line, validated."""

    paths: tuple[Path, ...]
    mode: str  # "write" | "dry-run" | "check" | "out" (what gets written)
    check: bool  # exit 1 when something would change (also under --dry-run)
    out_dir: Path | None
    report_path: Path | None
    sarif_path: Path | None
    jobs: int | None
    debug: bool
    quiet: bool
    progress: bool
    verbose: bool = False  # also print info-level diagnostics


def _run(req: RunRequest) -> int:
    from migrate import pipeline
    from migrate.plan_run import plan_candidates
    from migrate.config import ConfigError, load_config
    from migrate.discover import common_root, discover

    try:
        config = load_config(Path.cwd())
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc

    skip: list[Path] = [p for p in (req.report_path, req.sarif_path) if p is not None]
    if req.out_dir is not None:
        root = common_root([Path(os.path.abspath(p)) for p in req.paths])
        if Path(os.path.abspath(req.out_dir)).resolve() == root.resolve():
            raise click.UsageError("--out DIR must not be the directory being migrated")
        skip.append(req.out_dir)  # an --out tree inside the input tree is not input

    candidates = discover(req.paths, config, skip=skip)
    if not candidates:
        if not req.quiet:
            click.echo("migrate: no Python files found; nothing to do", err=True)
        _write_reports([], req)
        return EXIT_OK

    options = pipeline.Options(
        mode=req.mode,  # type: ignore[arg-type]
        max_file_size=config.max_file_size,
        out_dir=os.path.abspath(req.out_dir) if req.out_dir else None,
        debug=req.debug,
    )
    workers = req.jobs or config.jobs or os.cpu_count() or 1
    show_bar = req.progress and sys.stderr.isatty() and len(candidates) > 1
    if req.mode == "dry-run" and sys.stdout.isatty():
        show_bar = False  # the diff scrolls on the same terminal; a bar would garble it
    results: list[FileResult] = []
    details: dict[str, str] = {}
    candidates = plan_candidates(candidates, options, workers)
    outcomes = pipeline.run(candidates, options, workers)
    for outcome in _with_progress(outcomes, len(candidates), show_bar):
        results.append(outcome.result)
        if outcome.detail:
            details[outcome.result.path] = outcome.detail
        if outcome.diff:
            _emit(sys.stdout, outcome.diff)  # streamed in sorted order: memory stays bounded
    return _conclude(req, results, details)


def _conclude(req: RunRequest, results: list[FileResult], details: dict[str, str]) -> int:
    """Reports, then diagnostics and the summary on stderr, then the exit code."""
    from migrate import report

    written = _write_reports(results, req)
    if req.out_dir is not None:
        written.insert(0, f"{req.out_dir} (migrated copy)")
    if not req.quiet:
        for line in report.diagnostic_lines(results, verbose=req.verbose):
            click.echo(line, err=True)
    if req.debug:
        for path, detail in sorted(details.items()):
            if detail.startswith("Traceback"):
                click.echo(f"--- {path}\n{detail}", err=True)
    summary = report.human_summary(results, req.mode, details, written, req.quiet, req.verbose)
    if summary:
        click.echo(summary, err=True)
    s = report.Summary.of(results)
    if s.error or (req.check and s.changed):
        return EXIT_FAILED
    return EXIT_OK


def _with_progress(outcomes: Iterator, total: int, show: bool) -> Iterator:
    if not show:
        yield from outcomes
        return
    with click.progressbar(length=total, label="migrating", file=sys.stderr) as bar:
        for outcome in outcomes:
            bar.update(1)
            yield outcome


def _emit(stream: IO[str], text: str) -> None:
    """Diffs keep their exact bytes (CRLF lines too): no newline translation on the way out."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8", "surrogateescape"))
        buffer.flush()
    else:
        stream.write(text)


def _write_reports(results: list[FileResult], req: RunRequest) -> list[str]:
    from migrate import report

    written = []
    if req.report_path is not None:
        report.write_json(req.report_path, report.report_json(results))
        written.append(f"{req.report_path} (JSON report)")
    if req.sarif_path is not None:
        report.write_json(req.sarif_path, report.sarif(results))
        written.append(f"{req.sarif_path} (SARIF)")
    return written
