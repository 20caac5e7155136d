"""`migrate run` end to end, in-process, with a fake codemod (the real one is tested elsewhere)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import FAKE_MARK, TF_SOURCE, write
from migrate import pipeline
from migrate.result import TransformOutput


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def project(work: Path) -> Path:
    write(work / "src/model.py", TF_SOURCE)
    write(work / "src/nn/layers.py", TF_SOURCE.replace("f(x)", "g(x)"))
    write(work / "src/util.py", "import os\n")  # never mentions TF: pre-filtered
    return work


def test_dry_run_prints_diff_and_writes_nothing(project: Path, fake, cli) -> None:
    before = tree(project)
    result = cli("run", "src", "--dry-run")
    assert result.exit_code == 0, result.output
    assert tree(project) == before
    assert "--- a/src/model.py\n+++ b/src/model.py\n" in result.stdout
    assert f"+{FAKE_MARK}\n" in result.stdout
    assert result.stdout.index("a/src/model.py") < result.stdout.index("a/src/nn/layers.py")
    assert "util.py" not in result.stdout
    assert "2 would change, 1 unchanged" in result.stderr


def test_in_place_then_second_run_changes_nothing(project: Path, fake, cli) -> None:
    result = cli("run", "src")
    assert result.exit_code == 0, result.output
    assert (project / "src/model.py").read_text() == TF_SOURCE + FAKE_MARK + "\n"
    assert (project / "src/util.py").read_text() == "import os\n"
    after = tree(project)
    again = cli("run", "src")
    assert again.exit_code == 0
    assert tree(project) == after
    assert "0 changed, 3 unchanged" in again.stderr


def test_out_writes_a_full_copy_and_leaves_originals(project: Path, fake, cli) -> None:
    write(project / "src/old.py", "import tensorflow\nprint 'x'\n")
    before = tree(project)
    result = cli("run", "src", "--out", "migrated")
    assert result.exit_code == 1  # old.py is a python2 error, but copied anyway
    assert tree(project / "src") == {k[4:]: v for k, v in before.items()}
    out = tree(project / "migrated")
    assert sorted(out) == ["model.py", "nn/layers.py", "old.py", "util.py"]
    assert out["model.py"].decode().endswith(FAKE_MARK + "\n")
    assert out["util.py"] == b"import os\n"
    assert out["old.py"] == before["src/old.py"]


def test_out_inside_the_tree_is_not_rediscovered(project: Path, fake, cli) -> None:
    assert cli("run", ".", "--out", "build/out").exit_code == 0
    assert cli("run", ".", "--out", "build/out").exit_code == 0
    assert not (project / "build/out/build").exists()


def test_out_cannot_be_the_tree_itself(project: Path, fake, cli) -> None:
    result = cli("run", "src", "--out", "src")
    assert result.exit_code == 2


@pytest.mark.parametrize("flag", ["--check", "--dry-run"])
def test_out_conflicts_are_usage_errors(project: Path, cli, flag: str) -> None:
    assert cli("run", "src", "--out", "x", flag).exit_code == 2


def test_check_exit_codes(project: Path, fake, cli) -> None:
    before = tree(project)
    pending = cli("run", "src", "--check")
    assert pending.exit_code == 1
    assert tree(project) == before
    assert cli("run", "src").exit_code == 0
    assert cli("run", "src", "--check").exit_code == 0


def test_check_with_dry_run_prints_the_diff(project: Path, fake, cli) -> None:
    result = cli("run", "src", "--check", "--dry-run")
    assert result.exit_code == 1
    assert "+++ b/src/model.py" in result.stdout


def test_report_json_schema(project: Path, fake, cli) -> None:
    write(project / "src/broken.py", "import tensorflow\ndef f(:\n")
    result = cli("run", "src", "--dry-run", "--report", "out/report.json")
    assert result.exit_code == 1
    assert "out/report.json" in result.stderr
    report = json.loads((project / "out/report.json").read_text())
    assert report["version"] == 1
    assert report["tool"].startswith("migrate ")
    assert report["summary"] == {
        "files": 4,
        "changed": 2,
        "unchanged": 1,
        "skipped": 0,
        "error": 1,
        "functions_converted": 2,
        "diagnostics_by_code": {"dynamic-reuse": 2, "parse-error": 1},
        "verification_failed": 0,
    }
    files = {f["path"]: f for f in report["files"]}
    assert [f["path"] for f in report["files"]] == sorted(files)
    assert set(files["src/model.py"]) == {"path", "status", "reason", "diagnostics", "functions"}
    assert files["src/model.py"]["functions"][0]["class_name"] == "F"
    diag = files["src/model.py"]["diagnostics"][0]
    assert diag == {
        "code": "dynamic-reuse",
        "message": "reuse is decided at run time",
        "line": 4,
        "column": 4,
        "severity": "warning",
        "path": "src/model.py",
    }
    broken = files["src/broken.py"]
    assert (broken["status"], broken["reason"]) == ("error", "parse-error")
    assert broken["diagnostics"][0]["line"] == 2
    assert files["src/util.py"]["status"] == "unchanged"


def test_sarif(project: Path, fake, cli) -> None:
    result = cli("run", "src", "--check", "--sarif", "r.sarif")
    assert result.exit_code == 1
    sarif = json.loads((project / "r.sarif").read_text())
    assert sarif["version"] == "2.1.0" and "$schema" in sarif
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "migrate"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["dynamic-reuse"]
    assert len(run["results"]) == 2
    first = run["results"][0]
    assert first["ruleId"] == "dynamic-reuse" and first["level"] == "warning"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "src/model.py"
    assert loc["region"] == {"startLine": 4, "startColumn": 5}


def test_diagnostic_lines_and_quiet(project: Path, fake, cli) -> None:
    loud = cli("run", "src", "--dry-run")
    assert "src/model.py:4:4: dynamic-reuse: reuse is decided at run time" in loud.stderr
    assert "functions converted: 2" in loud.stderr
    assert "diagnostics: dynamic-reuse 2" in loud.stderr
    quiet = cli("run", "src", "--dry-run", "--quiet")
    assert quiet.stderr == ""
    assert "+++ b/src/model.py" in quiet.stdout


def test_transform_crash_costs_one_file(project: Path, monkeypatch, cli) -> None:
    def crashing(source: str, path: str):
        if "g(x)" in source:
            raise RuntimeError("codemod bug")
        return pipeline.fake_transform(source, path)

    monkeypatch.setattr(pipeline, "transform_source", crashing)
    before = (project / "src/nn/layers.py").read_bytes()
    result = cli("run", "src")
    assert result.exit_code == 1
    assert (project / "src/nn/layers.py").read_bytes() == before
    assert (project / "src/model.py").read_text().endswith(pipeline.FAKE_MARK + "\n")
    assert "src/nn/layers.py: internal-error (RuntimeError: codemod bug)" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Traceback" in cli("run", "src", "--debug").stderr


def test_transform_output_that_does_not_parse_is_not_written(project: Path, monkeypatch, cli):
    monkeypatch.setattr(pipeline, "transform_source", lambda s, p: TransformOutput(s + "def (:\n"))
    before = tree(project)
    result = cli("run", "src", "--report", "r.json")
    assert result.exit_code == 1
    assert {k: v for k, v in tree(project).items() if k != "r.json"} == before
    files = {f["path"]: f for f in json.loads((project / "r.json").read_text())["files"]}
    assert files["src/model.py"]["reason"] == "internal-error"


def test_prefilter_never_calls_the_codemod(work: Path, monkeypatch, cli) -> None:
    def boom(source: str, path: str):
        raise AssertionError("transform called")

    monkeypatch.setattr(pipeline, "transform_source", boom)
    write(work / "a.py", "import torch\n")
    assert cli("run", ".").exit_code == 0


def test_nothing_to_do(work: Path, cli) -> None:
    write(work / "README.md", "hi")
    result = cli("run", ".")
    assert result.exit_code == 0
    assert "nothing to do" in result.stderr


def test_missing_path_is_usage_error(work: Path, cli) -> None:
    assert cli("run", "nope").exit_code == 2


def test_unwritable_report_is_an_internal_error(project: Path, fake, cli) -> None:
    write(project / "blocker", "a file where a directory should be")
    result = cli("run", "src", "--report", "blocker/r.json")
    assert result.exit_code == 2
    assert "internal error" in result.stderr


def test_jobs_zero_means_auto(project: Path, fake, cli) -> None:
    assert cli("run", "src", "--check", "-j", "0").exit_code == 1


def test_bad_config_is_usage_error(work: Path, cli) -> None:
    write(work / "pyproject.toml", "[tool.migrate]\nexclude = 'x'\njobs = 'many'\n")
    write(work / "a.py", TF_SOURCE)
    result = cli("run", ".")
    assert result.exit_code == 2
    assert "jobs" in result.output


def test_parallel_matches_serial(work: Path, monkeypatch, cli) -> None:
    monkeypatch.setenv(pipeline.FAKE_TRANSFORM_ENV, "1")  # env reaches workers (any start method)
    for i in range(12):
        write(work / f"pkg/m{i:02}.py", TF_SOURCE if i % 3 else "import os\n")
    write(work / "pkg/py2.py", "import tensorflow\nprint 'x'\n")
    serial = cli("run", "pkg", "--dry-run", "-j", "1", "--report", "s.json")
    parallel = cli("run", "pkg", "--dry-run", "-j", "2", "--report", "p.json")
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    assert (work / "s.json").read_text() == (work / "p.json").read_text()
    assert cli("run", "pkg", "-j", "2").exit_code == 1
    assert (work / "pkg/m01.py").read_text().endswith(pipeline.FAKE_MARK + "\n")


def test_notebooks_skipped_without_notebook_support(work: Path, fake, monkeypatch, cli) -> None:
    monkeypatch.setattr(pipeline, "_notebook_transform", lambda: None)
    nb = write(work / "nb.ipynb", json.dumps({"cells": [{"source": "import tensorflow"}]}))
    before = nb.read_bytes()
    result = cli("run", ".", "--report", "r.json")
    assert result.exit_code == 0
    assert nb.read_bytes() == before
    entry = json.loads((work / "r.json").read_text())["files"][0]
    assert (entry["status"], entry["reason"]) == ("skipped", "notebook-unsupported")


def test_notebooks_go_through_the_notebook_transform(work: Path, monkeypatch, cli) -> None:
    def fake_nb(text: str, path: str) -> TransformOutput:
        data = json.loads(text)
        data["cells"].append({"source": "# migrated"})
        return TransformOutput(json.dumps(data))

    monkeypatch.setattr(pipeline, "_notebook_transform", lambda: fake_nb)
    nb = write(work / "nb.ipynb", json.dumps({"cells": [{"source": "import tensorflow"}]}))
    assert cli("run", ".").exit_code == 0
    assert json.loads(nb.read_text())["cells"][-1] == {"source": "# migrated"}
    monkeypatch.setattr(pipeline, "_notebook_transform", lambda: lambda t, p: TransformOutput("{"))
    before = nb.read_bytes()
    result = cli("run", ".")
    assert result.exit_code == 1
    assert "nb.ipynb: internal-error" in result.stderr
    assert nb.read_bytes() == before


def test_summary_caps_the_listing(work: Path, fake, cli) -> None:
    for i in range(25):
        write(work / f"gen/g{i:02}.py", "# @generated\nimport tensorflow\n")
    result = cli("run", "gen")
    assert result.exit_code == 0
    assert "25 skipped" in result.stderr
    assert "gen/g19.py: generated-file" in result.stderr
    assert "gen/g20.py" not in result.stderr
    assert "... and 5 more" in result.stderr


def test_run_command_does_not_import_tensorflow() -> None:
    if "tensorflow" in sys.modules:
        pytest.skip("another test imported tensorflow in this process")
    import migrate.cli  # noqa: F401
    import migrate.pipeline  # noqa: F401
    import migrate.run_command  # noqa: F401

    assert "tensorflow" not in sys.modules
