"""Source text in, migrated source text out: the codemod's one entry point (no I/O)."""

from __future__ import annotations

import libcst as cst

from migrate.codemod import convert_module
from migrate.result import TransformOutput


def transform_source(source: str, path: str = "<string>", pinned: frozenset[str] = frozenset()) -> TransformOutput:
    """Migrate one Python source text. Raises libcst.ParserSyntaxError if it does not parse.

    `pinned`: top-level names other files import from this one (see migrate.project); they stay.
    """
    module = cst.parse_module(source)
    conversion = convert_module(module, source, pinned)
    new_module = conversion.module
    diagnostics = list(conversion.diagnostics)
    try:
        from migrate.upgrade import upgrade_module
    except ImportError:  # the upgrade stage is optional while it is being built
        upgrade_module = None
    blocked_only = (not conversion.functions and any(d.severity != "info" for d in diagnostics)
                    and (new_module is module or new_module.code == source))
    # A file whose variable code could not be converted stays byte-identical as a whole: renaming
    # around code we left as TF1 would be the half-conversion we promise never to make.
    if upgrade_module is not None and not blocked_only and _mentions_tf(source):
        new_module, upgrade_diagnostics = upgrade_module(new_module, conversion.skip_functions)
        diagnostics.extend(upgrade_diagnostics)
    code = new_module.code if new_module is not module else source
    return TransformOutput(code=code, diagnostics=tuple(d.with_path(path) for d in diagnostics),
                           functions=conversion.functions)


def _mentions_tf(source: str) -> bool:
    return "tensorflow" in source
