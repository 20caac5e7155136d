"""Source text in, migrated source text out: the codemod's one entry point (no I/O)."""

from __future__ import annotations

from migrate.result import TransformOutput


def transform_source(source: str, path: str = "<string>") -> TransformOutput:
    """Migrate one Python source text. Raises libcst.ParserSyntaxError if it does not parse."""
    return TransformOutput(code=source)
