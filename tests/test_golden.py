"""Golden before/after cases of the codemod: exact output, parses, and a second run is a no-op.

Regenerate an expected file after an intended change with
`python -m tests.golden.regen tests/golden/<pattern>/<case>` and review the diff.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from compat_renames import only_compat_renames
from migrate.transform import transform_source

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.parent for p in GOLDEN.glob("*/*/input.py"))


def _id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_golden_output(case: Path) -> None:
    source = (case / "input.py").read_text(encoding="utf-8")
    expected_path = case / "expected.py"
    assert expected_path.exists(), f"{_id(case)} has no expected.py"
    out = transform_source(source, str(case / "input.py"))
    assert out.code == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_golden_parses_and_is_idempotent(case: Path) -> None:
    expected = (case / "expected.py").read_text(encoding="utf-8")
    ast.parse(expected)
    assert transform_source(expected).code == expected


@pytest.mark.parametrize("case", [c for c in CASES if c.parent.name == "unchanged"], ids=_id)
def test_left_byte_identical(case: Path) -> None:
    source = (case / "input.py").read_text(encoding="utf-8")
    assert transform_source(source).code == source


@pytest.mark.parametrize("case", [c for c in CASES if c.parent.name == "unsupported"], ids=_id)
def test_refused_code_gets_compat_renames_only(case: Path) -> None:
    """Refused variable code stays TF1, spelled as tf_upgrade_v2 would (`tf.compat.v1.*`), so
    it still runs on TF2; nothing else changes."""
    source = (case / "input.py").read_text(encoding="utf-8")
    out = transform_source(source)
    assert only_compat_renames(out.code, source)
    if out.code != source:
        assert "compat-v1-kept" in {d.code for d in out.diagnostics}


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
