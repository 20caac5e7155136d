"""`[tool.migrate]` in the nearest pyproject.toml: exclude globs, jobs, max_file_size."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024  # generated tables and vendored blobs, not model code
_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class ConfigError(ValueError):
    """pyproject.toml has a [tool.migrate] table we cannot use; the CLI turns it into exit 2."""


@dataclass(frozen=True)
class Config:
    exclude: tuple[str, ...] = ()
    jobs: int | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    root: Path | None = None  # directory of the pyproject.toml; exclude globs are relative to it
    source: Path | None = None  # the pyproject.toml itself, for messages


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` (like black and ruff do)."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path) -> Config:
    pyproject = find_pyproject(start.resolve())
    if pyproject is None:
        return Config()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: {exc}") from exc
    table = data.get("tool", {}).get("migrate", {})
    return _parse_table(table, pyproject)


def _parse_table(table: Any, pyproject: Path) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.migrate] must be a table")
    # Other keys belong to other subcommands (`migrate check` reads entry points from the
    # same table), so they are not errors here.
    exclude = table.get("exclude", [])
    if isinstance(exclude, str):
        exclude = [exclude]
    if not isinstance(exclude, list) or not all(isinstance(g, str) for g in exclude):
        raise ConfigError(f"{pyproject}: [tool.migrate] exclude must be a list of glob strings")
    jobs = table.get("jobs")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ConfigError(f"{pyproject}: [tool.migrate] jobs must be a positive integer")
    max_size = parse_size(table.get("max_file_size", DEFAULT_MAX_FILE_SIZE), pyproject)
    return Config(tuple(exclude), jobs, max_size, pyproject.parent, pyproject)


def parse_size(value: Any, where: Path | str) -> int:
    """Bytes from an int or a string such as "2MB" / "512k"."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        match = _SIZE.match(value)
        if match:
            unit = (match.group(2) or "").lower()[:1]
            size = int(match.group(1)) * _UNITS[unit]
            if size > 0:
                return size
    raise ConfigError(f"{where}: [tool.migrate] max_file_size must be a positive size, got {value!r}")
