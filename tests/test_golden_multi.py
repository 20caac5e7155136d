"""Multi-file golden cases (tests/golden/multi_file/<case>/input/ -> expected/, see
tests/golden/README.md): `migrate run --out` over the whole input tree gives exactly the expected
tree (shared support modules included), a second run over the expected tree changes nothing, and
every entry of check.json is proven equivalent by the checker (one batch for all cases)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from migrate.checker import Verdict, check_many, entry_from_targets

MULTI = Path(__file__).parent / "golden" / "multi_file"
CASES = sorted(p.parent for p in MULTI.glob("*/input"))


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.py"))}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_multi_file_output(case: Path, work: Path, cli) -> None:
    shutil.copytree(case / "input", work / "input")
    result = cli("run", "--out", "out", "input")
    assert result.exit_code == 0, result.output
    assert _files(work / "out") == _files(case / "expected"), \
        f"regenerate with: python -m tests.test_golden_multi {case} (and review the diff)"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_multi_file_second_run_changes_nothing(case: Path, work: Path, cli) -> None:
    shutil.copytree(case / "expected", work / "tree")
    result = cli("run", "tree")
    assert result.exit_code == 0, result.output
    assert "0 changed" in result.output, result.output
    assert _files(work / "tree") == _files(case / "expected")


def _entries() -> list[tuple[str, dict]]:
    found = []
    for case in CASES:
        spec = json.loads((case / "check.json").read_text(encoding="utf-8"))
        for item in spec["entries"]:
            label = f"{case.name}:{item['file']}:{item['function']}"
            found.append((label, dict(
                legacy=f"{case / 'input' / item['file']}:{item['function']}",
                migrated=f"{case / 'expected' / item['file']}" + (f":{item['class']}" if item.get("class") else ""),
                inputs=item.get("inputs", {}), args=item.get("args", {}), label=label, tf_function=True)))
    return found


ENTRIES = _entries()


@pytest.fixture(scope="module")
def verdicts() -> dict[str, Verdict]:
    results = check_many([entry_from_targets(**spec) for _, spec in ENTRIES])
    return {v.label: v for v in results}


@pytest.mark.slow
@pytest.mark.parametrize("label", [label for label, _ in ENTRIES])
def test_multi_file_case_is_equivalent(verdicts: dict[str, Verdict], label: str) -> None:
    verdict = verdicts[label]
    assert verdict.equivalent, "\n" + verdict.table()


def regenerate(case: Path) -> None:
    """`python -m tests.test_golden_multi CASE_DIR`: rewrite expected/ from input/ (review the diff)."""
    import os
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(case / "input", Path(tmp) / "input")
        subprocess.run([sys.executable, "-m", "migrate", "run", "--out", "out", "input"], cwd=tmp, check=True,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
        shutil.rmtree(case / "expected", ignore_errors=True)
        shutil.copytree(Path(tmp) / "out", case / "expected")


if __name__ == "__main__":
    import sys

    for arg in sys.argv[1:]:
        regenerate(Path(arg))
