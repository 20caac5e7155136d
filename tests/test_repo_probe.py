"""The whole-repository probe (tests/repo_probe/): ten small multi-file TF1 repositories migrated
in place, their entry points run against the originals by the probe's own runners."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_whole_repositories_migrate_and_their_entry_points_are_proven(tmp_path: Path) -> None:
    out = tmp_path / "probe.json"
    run = subprocess.run([sys.executable, "-m", "tests.repo_probe.probe", "--json", str(out)],
                         cwd=str(ROOT), capture_output=True, text=True, timeout=1800)
    results = json.loads(out.read_text())
    summary = run.stdout[-6000:]
    # what every repository must keep, whatever converts: parsing, names, imports, second runs
    for repo in results:
        assert repo["idempotent"], f"{repo['repo']}: a second run changes files\n{summary}"
        assert not repo["imports_migrate"], summary
        for rel, f in repo["files"].items():
            assert f["parses"], f"{repo['repo']}/{rel} stopped parsing\n{summary}"
    # the figures this round reached (tests/repo_probe/README.md); known bugs are listed there
    proven = sum(e["verdict"] == "PROVEN" for r in results for e in r["entries"])
    assert proven >= EXPECTED_PROVEN, summary
    assert sum(r["functions_converted"] > 0 for r in results) >= 8, summary


EXPECTED_PROVEN = 47
