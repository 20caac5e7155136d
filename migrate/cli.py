"""The `migrate` command line. Keep imports light: TensorFlow is never imported here."""

from __future__ import annotations

import click

from migrate import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="migrate")
def main() -> None:
    """Move TF1 variable_scope / get_variable code to TF2 tf.Module classes, and prove it."""


def _register() -> None:
    from migrate.run_command import run_command
    from migrate.checker.command import check_command
    from migrate.explain_command import explain_command

    main.add_command(run_command, "run")
    main.add_command(check_command, "check")
    main.add_command(explain_command, "explain")


_register()
