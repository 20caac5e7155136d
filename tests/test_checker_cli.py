"""`migrate check` (exit codes, --json, pyproject entry points), the harness API and the pytest
plugin. Parsing tests are instant; each TF test is one batch (two TensorFlow start-ups)."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from migrate.checker import Verdict, api, combined_exit_code
from migrate.checker.arguments import Expr
from migrate.checker.command import check_command, entries_from_pyproject
from migrate.checker.spec import (
    SpecError,
    TensorSpec,
    class_candidates,
    parse_named_arg,
    parse_named_input,
    parse_target,
)
from migrate.harness import assert_equivalent

def _materialize_cases() -> Path:
    """The pairs on disk: correct files as they are, broken ones built from checker_cases/mutants.py."""
    import importlib.util
    import tempfile

    source = Path(__file__).parent / "checker_cases"
    spec = importlib.util.spec_from_file_location("checker_mutants", source / "mutants.py")
    mutants = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mutants)  # type: ignore[union-attr]
    return mutants.materialize(source, Path(tempfile.mkdtemp(prefix="checker_cases_")))


CASES = _materialize_cases()
pytest_plugins = ["pytester"]


# --- parsing (no TensorFlow) -------------------------------------------------------------------

def test_parse_inputs_targets_and_class_names() -> None:
    assert parse_named_input("z=float32[2,8]") == ("z", TensorSpec("float32", (2, 8)))
    assert parse_named_input("s=int64[]") == ("s", TensorSpec("int64", ()))
    assert parse_named_arg("num_units=4") == ("num_units", 4)
    assert parse_named_arg("shape=(2, 3)") == ("shape", (2, 3))
    assert parse_named_arg("act='relu'") == ("act", "relu")  # a string needs Python quotes
    assert parse_named_arg("act=relu") == ("act", Expr("relu", "--arg act"))  # a name
    assert parse_target("a/b.py:build") == ("a/b.py", "build")
    assert parse_target("a/b.py:Model.encode") == ("a/b.py", "Model.encode")
    assert parse_target("a/b.py") == ("a/b.py", None)
    assert class_candidates("foo_bar") == ["FooBar"]
    assert class_candidates("_conv2d") == ["Conv2d"]
    assert class_candidates("Owner.method") == ["OwnerMethod", "Method"]
    for bad in ("z=float32", "z=complex64[2]", "float32[2]", "=float32[2]"):
        with pytest.raises(SpecError):
            parse_named_input(bad)


def test_usage_errors_exit_2() -> None:
    runner = CliRunner()
    assert runner.invoke(check_command, ["legacy.py:f"]).exit_code == 2
    assert runner.invoke(check_command, ["a.py:f", "b.py", "--input", "x=float32"]).exit_code == 2
    assert runner.invoke(check_command, ["a.py", "b.py", "--input", "x=float32[2]"]).exit_code == 2


def test_pyproject_entry_points(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""
        [[tool.migrate.entry_points]]
        legacy = "models/gan.py:build"
        migrated = "tf2/gan.py:Build"
        inputs = {z = "float32[2,8]"}
        args = {num_units = 4}
        tf_function = true

        [[tool.migrate.entry_points]]
        legacy = "scripts/train.py"
        migrated = "tf2/train.py"
    """))
    first, second = entries_from_pyproject(tmp_path / "pyproject.toml")
    assert first.legacy_path == str(tmp_path / "models/gan.py") and first.function == "build"
    assert first.klass == "Build" and first.inputs == {"z": TensorSpec("float32", (2, 8))}
    assert first.args == {"num_units": 4} and first.tf_function is True
    assert second.script and second.migrated_path == str(tmp_path / "tf2/train.py")
    assert second.tf_function is None  # as the command line / Options say


def test_combined_exit_code() -> None:
    def verdict(status: str) -> Verdict:
        return Verdict("x", status)  # type: ignore[arg-type]

    assert combined_exit_code([verdict("equivalent")] * 2) == 0
    assert combined_exit_code([verdict("equivalent"), verdict("error")]) == 2
    assert combined_exit_code([verdict("error"), verdict("not equivalent")]) == 1


def test_no_entry_points_is_no_configuration(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(check_command, [])
    assert result.exit_code == 2 and "no configuration found" in result.output
    assert "has no [[tool.migrate.entry_points]]" in result.output


# --- end to end (TensorFlow subprocesses) ------------------------------------------------------

slow = pytest.mark.slow  # each starts one batch: two TensorFlow subprocesses


def _copy_cases(dest: Path, *names: str) -> None:
    for name in names:
        shutil.copy(CASES / name, dest / name)


@slow
def test_cli_function_mode_equivalent() -> None:
    result = CliRunner().invoke(check_command, [
        f"{CASES / 'gan_legacy.py'}:build", str(CASES / "gan_ok.py"),
        "--input", "z=float32[2,8]", "--input", "images=float32[2,16]", "--tf-function"])
    assert result.exit_code == 0, result.output
    assert "EQUIVALENT (function)" in result.output
    assert "✓ tf.function: migrated output runs under TF2 eager and under tf.function" in result.output
    assert "discriminator/d_h1_lin/bias:0" in result.output


@slow
def test_cli_pyproject_batch_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _copy_cases(tmp_path, "script_legacy.py", "script_ok.py", "script_renamed.py",
                "contrib_legacy.py", "contrib_migrated.py")
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""
        [[tool.migrate.entry_points]]
        legacy = "script_legacy.py"
        migrated = "script_ok.py"

        [[tool.migrate.entry_points]]
        legacy = "script_legacy.py"
        migrated = "script_renamed.py"

        [[tool.migrate.entry_points]]
        legacy = "contrib_legacy.py:build"
        migrated = "contrib_migrated.py"
        inputs = {x = "float32[2,4]"}
    """))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(check_command, ["--json"])
    payload = json.loads(result.output)
    # the legacy side provides tf.contrib (tf_slim): the contrib case runs, and its migration draws
    # different initial values (Keras' GlorotUniform), which the checker rejects
    assert [v["status"] for v in payload["verdicts"]] == ["equivalent", "not equivalent", "not equivalent"]
    assert result.exit_code == 1 == payload["exit_code"]  # a definite "not equivalent" wins
    assert api.LAST_BATCH.tf_startups == 2  # three entry points, one batch


@slow
def test_assert_equivalent_raises_with_table() -> None:
    with pytest.raises(AssertionError) as info:
        assert_equivalent(f"{CASES / 'layers_legacy.py'}:Model.encode",
                          f"{CASES / 'layers_noreg.py'}:Encode",
                          inputs={"x": "float32[2,5]"}, args={"num_units": 3})
    message = str(info.value)
    assert "regularization losses" in message and "NOT EQUIVALENT" in message
    assert "encode/dense/w:0" in message


@slow
def test_pytest_plugin_checks_pyproject_entry_points(pytester: pytest.Pytester,
                                                     pytestconfig: pytest.Config) -> None:
    _copy_cases(pytester.path, "script_legacy.py", "script_ok.py", "script_dropped.py")
    pytester.makefile(".toml", pyproject=textwrap.dedent("""
        [[tool.migrate.entry_points]]
        legacy = "script_legacy.py"
        migrated = "script_ok.py"

        [[tool.migrate.entry_points]]
        legacy = "script_legacy.py"
        migrated = "script_dropped.py"
    """))
    pytester.makepyfile(test_fixture="""
        def test_fixture_is_there(migrate_equivalence):
            assert hasattr(migrate_equivalence, "assert_equivalent")
    """)
    # Installed, the plugin loads through its entry point; from a bare checkout, by module name.
    load = [] if pytestconfig.pluginmanager.has_plugin("migrate_equivalence") else [
        "-p", "migrate.harness.pytest_plugin"]
    result = pytester.runpytest(*load, "--migrate-equivalence", "--migrate-tf-function",
                                "pyproject.toml",
                                "test_fixture.py")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*missing in migrated: w:0*"])
