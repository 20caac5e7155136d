"""The README stays in step with the code: every reason code is documented, the two commands lead."""

from __future__ import annotations

import re
from pathlib import Path

from migrate.diagnostics import REASONS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_reason_code_is_documented() -> None:
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", README, re.M))
    assert set(REASONS) <= documented, sorted(set(REASONS) - documented)


def test_readme_starts_with_the_two_commands() -> None:
    blocks = re.findall(r"^```sh\n(.*?)\n```", README, re.M | re.S)
    assert "migrate run --out build/migrated examples/legacy" in blocks[0] and blocks[0].endswith("migrate check")
    assert blocks[1].endswith("pytest -q")
    assert README.index(blocks[1]) < README.index("## What it does")
