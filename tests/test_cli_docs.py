"""Help and README agree: every option of every command has help text and is in the README's
synopsis; every reason code has a next step in the code and in the README's table."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from migrate.cli import main
from migrate.diagnostics import NEXT_STEPS, REASONS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _synopsis(command: str) -> str:
    """The README's code blocks that start with `migrate COMMAND`."""
    blocks = re.findall(r"^```\n(migrate .*?)\n```", README, re.M | re.S)
    return "\n".join(b for b in blocks if b.startswith(f"migrate {command}"))


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_option_has_help_and_is_in_the_readme_synopsis(name: str) -> None:
    command = main.commands[name]
    synopsis = _synopsis(name)
    assert synopsis, f"no README synopsis block for `migrate {name}`"
    for param in command.params:
        if not isinstance(param, click.Option) or param.name == "help":
            continue
        assert param.help, f"migrate {name} {param.opts[0]} has no help text"
        assert any(opt in synopsis for opt in param.opts), f"migrate {name} {param.opts} missing from README"


def test_every_reason_code_has_a_next_step_in_code_and_readme() -> None:
    assert set(NEXT_STEPS) == set(REASONS)
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| [^|]+ \| ([^|]+) \|$", README, re.M))
    for code in REASONS:
        assert NEXT_STEPS[code].strip(), code
        assert rows.get(code, "").strip() == NEXT_STEPS[code], f"README next step of {code}"


def test_summaries_use_singular_for_one() -> None:
    from migrate.report import human_summary
    from migrate.result import FileResult

    text = human_summary([FileResult("a.py", "error", "python2")], "write", {})
    assert "1 file:" in text and "1 error" in text and "1 errors" not in text
