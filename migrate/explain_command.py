"""`migrate explain PATH...`: the inferred module tree, before anything is written.

It runs exactly what `migrate run --check` runs (discovery, the whole-run plan, the codemod in
workers) and writes nothing; the tree comes from the plan data each conversion recorded.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


@click.command("explain")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "mermaid"]), default="text",
              show_default=True,
              help="text for the terminal; json (schema: docs/explain.md); mermaid for a diagram "
                   "to paste into a pull request.")
@click.option("-j", "--jobs", metavar="N", type=click.IntRange(min=0), default=None,
              help="Worker processes (0 or unset: [tool.migrate] jobs, else the CPU count).")
def explain_command(paths: tuple[Path, ...], fmt: str, jobs: int | None) -> None:
    """Show the tf.Module tree migrate would build from PATH... and write nothing.

    For each converted function or class: its submodules and variables with their full TF1
    names, the tf.layers / contrib / slim / RNN creators it calls as the layer classes they
    became (with their TF1 variable names), every sharing edge (the call sites that resolve to
    one instance, and why: reuse=True at a line, AUTO_REUSE, a re-entered scope), and what was
    refused and why. Exit 0, or 2 on a usage or configuration error.
    """
    from migrate import explain, pipeline
    from migrate.config import ConfigError, load_config
    from migrate.discover import discover

    try:
        config = load_config(Path.cwd())
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    candidates = discover(paths, config)
    results = []
    if candidates:
        options = pipeline.Options(mode="check", max_file_size=config.max_file_size)
        workers = jobs or config.jobs or os.cpu_count() or 1
        candidates = _planned(candidates, options, workers)
        results = [outcome.result for outcome in pipeline.run(candidates, options, workers)]
    explained = explain.explain(results)
    render = {"text": explain.to_text, "json": explain.to_json, "mermaid": explain.to_mermaid}[fmt]
    click.echo(render(explained))
    sys.exit(0)


def _planned(candidates: list, options: object, workers: int) -> list:
    """The same cross-file plan `migrate run` makes, so explain shows what run would do."""
    from migrate.plan_run import plan_candidates

    return plan_candidates(candidates, options, workers)  # type: ignore[arg-type]
