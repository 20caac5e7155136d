"""Render a Verdict as the readable table `migrate check` prints (and AssertionError carries)."""

from __future__ import annotations

from migrate.checker.compare import Row, Verdict

OK, BAD, NA = "✓", "✗", "·"
_MAX_CELL = 60  # long site / path lists are cut, the full list is in --json


def _mark(ok: bool | None) -> str:
    return NA if ok is None else (OK if ok else BAD)


def _cut(text: str) -> str:
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _shape(shape: list[int]) -> str:
    return "[" + ",".join(map(str, shape)) + "]"


def _cell(row: Row, attr: str) -> str:
    """The legacy value, or `legacy ≠ migrated` when they differ."""
    fmt = _shape if attr == "shape" else str
    legacy = fmt(row.legacy[attr]) if row.legacy else None
    migrated = sorted({fmt(m[attr]) for m in row.migrated})
    if legacy is None:
        return "/".join(migrated)
    if not migrated or migrated == [legacy]:
        return legacy
    return f"{legacy} ≠ {'/'.join(migrated)}"


def _variable_rows(verdict: Verdict) -> list[list[str]]:
    header = ["", "variable", "shape", "dtype", "trainable", "init",
              "legacy call sites", "↔ migrated attributes"]
    rows = [header]
    for row in verdict.rows:
        sites = ", ".join(row.legacy["sites"]) if row.legacy else "—"
        paths = [p for m in row.migrated for p in (m.get("paths") or ["(unreachable)"])]
        if not row.migrated:
            attrs = "— missing"
        else:
            attrs = ", ".join(paths)
            if len(row.migrated) > 1:
                attrs = f"{len(row.migrated)} variables: {attrs}"
        rows.append([
            _mark(not row.problems),
            row.name,
            _cell(row, "shape"),
            _cell(row, "dtype"),
            _cell(row, "trainable"),
            _mark(row.init_ok),
            _cut(sites or "—"),
            _cut(attrs),
        ])
    return rows


def _grid(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("─" * w for w in widths))
    return lines


def verdict_line(verdict: Verdict) -> str:
    mode = "script" if verdict.script else "function"
    if verdict.status == "error":
        return f"CANNOT RUN ({mode}) {verdict.label}: {verdict.error}"
    if verdict.equivalent:
        n = len(verdict.rows)
        return f"EQUIVALENT ({mode}) {verdict.label}: {n} variable{'s' if n != 1 else ''}"
    failed = [c.name for c in verdict.checks if c.ok is False]
    return f"NOT EQUIVALENT ({mode}) {verdict.label}: {', '.join(failed)}"


def render(verdict: Verdict) -> str:
    lines = [f"== {verdict.label}"]
    if verdict.status != "error":
        if verdict.rows:
            lines += _grid(_variable_rows(verdict))
        else:
            lines.append("(no variables on either side)")
        lines.append("")
        for check in verdict.checks:
            lines.append(f"{_mark(check.ok)} {check.name}: {check.detail}")
        for row in verdict.rows:
            for problem in row.problems:
                lines.append(f"  {BAD} {row.name}: {problem}")
    for note in verdict.notes:
        lines.append(f"note: {note}")
    lines.append(verdict_line(verdict))
    return "\n".join(lines)


def render_all(verdicts: list[Verdict], verbose: bool = True) -> str:
    """Every verdict's table; with several entry points and `verbose=False`, one screen: the
    tables of the entries that are not equivalent, then one line per entry point."""
    if len(verdicts) == 1:
        return render(verdicts[0])
    detailed = [v for v in verdicts if verbose or not v.equivalent]
    parts = [render(v) for v in detailed]
    parts.append("\n".join(summary_table(verdicts)))
    counts = {s: sum(v.status == s for v in verdicts) for s in ("equivalent", "not equivalent", "error")}
    footer = (f"{len(verdicts)} entry points: {counts['equivalent']} equivalent, "
              f"{counts['not equivalent']} not equivalent, {counts['error']} cannot run")
    if not verbose and len(detailed) < len(verdicts):
        footer += " (-v prints every variable table)"
    parts.append(footer)
    return "\n\n".join(parts)


def summary_table(verdicts: list[Verdict]) -> list[str]:
    """One row per entry point: verdict, mode, variables, checks passed, what failed."""
    from migrate.checker.progress import short_label

    rows = [["", "entry point", "mode", "variables", "checks", "verdict"]]
    for v in verdicts:
        passed = sum(c.ok is True for c in v.checks)
        ran = sum(c.ok is not None for c in v.checks)
        if v.status == "error":
            verdict = f"cannot run: {_cut(v.error or '')}"
        elif v.equivalent:
            verdict = "equivalent"
        else:
            verdict = "NOT equivalent: " + _cut(", ".join(c.name for c in v.checks if c.ok is False))
        rows.append([
            "!" if v.status == "error" else _mark(v.equivalent),
            short_label(v.label),
            "script" if v.script else "function",
            "—" if v.status == "error" else str(len(v.rows)),
            "—" if v.status == "error" else f"{passed}/{ran}",
            verdict,
        ])
    return _grid(rows)
