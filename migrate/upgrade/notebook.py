"""`.ipynb` notebooks: code cells migrated together (they share imports), magics (`%`, `!`,
`?` lines, `%%` cells) and outputs preserved byte for byte."""

from __future__ import annotations

import json
import re
from typing import Callable

import libcst as cst

from migrate.diagnostics import Diagnostic
from migrate.result import TransformOutput

_CELL = "__migrate_cell__ = {}"
_CELL_RE = re.compile(r"^__migrate_cell__ = (\d+)\n", re.MULTILINE)
_MAGIC = "pass  # __migrate_magic_{}__"
_MAGIC_RE = re.compile(r"^([ \t]*)pass  # __migrate_magic_(\d+)__$", re.MULTILINE)


def _default_transform(source: str, path: str) -> TransformOutput:
    from migrate.upgrade import upgrade_module

    module = cst.parse_module(source)
    new, diags = upgrade_module(module)
    return TransformOutput(code=source if new is module else new.code, diagnostics=tuple(diags))


def _is_python(cell: dict) -> bool:
    src = cell.get("source") or ""
    text = "".join(src) if isinstance(src, list) else src
    return cell.get("cell_type") == "code" and bool(text) and not text.lstrip().startswith("%%")


def transform_notebook(
    text: str, path: str,
    transform: Callable[[str, str], TransformOutput] | None = None,
) -> TransformOutput:
    """Migrate a notebook's code cells. `transform` (source, path) -> TransformOutput defaults
    to the upgrade stage; the CLI may pass the whole pipeline (`migrate.transform.transform_source`)."""
    transform = transform or _default_transform
    try:
        nb = json.loads(text)
        cells = nb["cells"]
    except (ValueError, KeyError, TypeError) as e:
        return TransformOutput(text, (Diagnostic("parse-error", f"not a notebook: {e}", path=path),))
    magics: list[str] = []
    parts: list[str] = []
    index: list[int] = []  # code cell number -> position in nb["cells"]
    starts: list[int] = []  # first line (1-based) of each cell in the combined source
    line = 1
    for pos, cell in enumerate(cells):
        if not _is_python(cell):
            continue
        src = cell["source"]
        src = "".join(src) if isinstance(src, list) else src
        out_lines, continued, indent = [], False, ""
        for raw in src.split("\n"):
            stripped = raw.lstrip()
            if continued or stripped.startswith(("%", "!", "?")) or stripped.endswith("?") and stripped[:-1].isidentifier():
                if not continued:
                    indent = raw[: len(raw) - len(stripped)]
                out_lines.append(indent + _MAGIC.format(len(magics)))
                magics.append(raw)
                continued = raw.endswith("\\")
            else:
                out_lines.append(raw)
        header = _CELL.format(len(index))
        parts.append(header + "\n" + "\n".join(out_lines) + "\n")
        starts.append(line + 1)
        line += 2 + len(out_lines) - 1
        index.append(pos)
    if not index:
        return TransformOutput(text)
    combined = "".join(parts)
    try:
        result = transform(combined, path)
    except cst.ParserSyntaxError as e:
        return TransformOutput(text, (Diagnostic("parse-error", f"code cells do not parse: {e}",
                                                 path=path, severity="error"),))
    new = result.code
    pieces = _CELL_RE.split(new)
    # pieces: [prefix, "0", body0, "1", body1, ...]
    if len(pieces) == 2 * len(index) + 1 and pieces[0].strip():
        # code the transform put above the first cell (the support imports and helpers of converted
        # classes): the first code cell runs first, so it holds them
        pieces = ["", pieces[1], pieces[0].lstrip("\n") + pieces[2].lstrip("\n"), *pieces[3:]]
    if len(pieces) != 2 * len(index) + 1 or pieces[0].strip():
        return TransformOutput(text, tuple(result.diagnostics) + (
            Diagnostic("parse-error", "notebook cells could not be mapped back; left unchanged",
                       path=path, severity="error"),))
    changed = False
    for k, pos in enumerate(index):
        body = pieces[2 + 2 * k]
        if body.endswith("\n"):
            body = body[:-1]
        body = _MAGIC_RE.sub(lambda m: magics[int(m.group(2))], body)
        cell = cells[pos]
        old = cell["source"]
        old_text = "".join(old) if isinstance(old, list) else old
        if body == old_text:
            continue
        changed = True
        cell["source"] = body.splitlines(keepends=True) if isinstance(old, list) else body
    diags = []
    for d in result.diagnostics:
        k = max((i for i, s in enumerate(starts) if s <= d.line), default=0)
        diags.append(Diagnostic(d.code, f"cell {index[k] + 1}: {d.message}", d.line - starts[k] + 1,
                                d.column, d.severity, path))
    if not changed:
        return TransformOutput(text, tuple(diags))
    indent = 1
    m = re.search(r'^\{\s*\n( +)"', text)
    if m:
        indent = len(m.group(1))
    out = json.dumps(nb, indent=indent, ensure_ascii=False) + ("\n" if text.endswith("\n") else "")
    return TransformOutput(out, tuple(diags))
