"""Shared fixtures for the `migrate run` tests: a CLI runner and a fake codemod."""

from __future__ import annotations

import sys
from pathlib import Path

# The package is not installed in the venv: make `import migrate` work from a plain `pytest`.
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from typing import Callable

import libcst
import pytest
from click.testing import CliRunner, Result

from migrate.diagnostics import Diagnostic
from migrate.result import ConvertedFunction, TransformOutput

FAKE_MARK = "# migrated-by-test-fake"
TF_SOURCE = "import tensorflow as tf\n\n\ndef f(x):\n    return x\n"


def fake_transform(source: str, path: str) -> TransformOutput:
    """Stands in for the codemod: parses like it (raises ParserSyntaxError), appends a marker
    line once (so a second run changes nothing), and reports one function and one diagnostic."""
    libcst.parse_module(source)
    if FAKE_MARK in source:
        return TransformOutput(code=source)
    sep = "" if source.endswith("\n") else "\n"
    diag = Diagnostic("dynamic-reuse", "reuse is decided at run time", 4, 4)
    fn = ConvertedFunction("f", "F", 4, ("units",), ("x",), ("kernel",))
    return TransformOutput(f"{source}{sep}{FAKE_MARK}\n", (diag,), (fn,))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, str], TransformOutput]:
    """Install `fake_transform` as the codemod seen by migrate.pipeline (in-process runs)."""
    from migrate import pipeline

    monkeypatch.setattr(pipeline, "transform_source", fake_transform)
    return fake_transform


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project directory that is also the current directory (config is found here)."""
    project = tmp_path / "proj"
    project.mkdir()
    monkeypatch.chdir(project)
    return project


@pytest.fixture
def cli() -> Callable[..., Result]:
    """`cli("run", "src", "--dry-run")` -> click Result, in-process, -j1 unless given."""
    from migrate.cli import main

    def invoke(*args: str) -> Result:
        argv = list(args)
        if argv and argv[0] == "run" and not any(a in ("-j", "--jobs") for a in argv):
            argv += ["-j", "1"]
        return CliRunner().invoke(main, argv, catch_exceptions=False)

    return invoke


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path
