"""Every runnable golden case (tests/golden/<pattern>/<case>/check.json, format in
docs/CONTRACT.md): input.py must be equivalent to expected.py.

All cases go through ONE check_many batch (two TensorFlow start-ups in all); each case is its own
test, parametrized over the batch's verdicts. Skips when there are no runnable cases.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migrate.checker import Entry, Verdict, check_many, entry_from_targets

GOLDEN = Path(__file__).parent / "golden"


def discover() -> list[tuple[str, Entry]]:
    """(test id, entry) for every entry of every check.json; cheap, runs at collection."""
    found = []
    for check_file in sorted(GOLDEN.glob("*/*/check.json")):
        case = check_file.parent
        if (case / "input").is_dir():
            continue  # a multi-file case (input/ and expected/ trees): tests/test_golden_multi.py
        case_id = f"{case.parent.name}/{case.name}"
        spec = json.loads(check_file.read_text(encoding="utf-8"))
        legacy, migrated = case / "input.py", case / "expected.py"
        if spec.get("script"):
            found.append((case_id, entry_from_targets(str(legacy), str(migrated), label=case_id)))
            continue
        for item in spec.get("entries", []):
            function = item["function"]
            klass = f":{item['class']}" if item.get("class") else ""
            found.append((f"{case_id}:{function}", entry_from_targets(
                f"{legacy}:{function}", f"{migrated}{klass}", item.get("inputs", {}),
                item.get("args", {}), label=f"{case_id}:{function}",
                init_args=item.get("init_args", {}), tf_function=True)))
    return found


CASES = discover()


@pytest.fixture(scope="session")
def golden_verdicts() -> dict[str, Verdict]:
    verdicts = check_many([entry for _, entry in CASES])
    return {case_id: verdict for (case_id, _), verdict in zip(CASES, verdicts)}


@pytest.mark.slow
@pytest.mark.parametrize("case_id", [case_id for case_id, _ in CASES])
def test_golden_case_is_equivalent(golden_verdicts: dict[str, Verdict], case_id: str) -> None:
    verdict = golden_verdicts[case_id]
    assert verdict.equivalent, "\n" + verdict.table()
