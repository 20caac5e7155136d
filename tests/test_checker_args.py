"""Entry-point arguments (literals, expressions, setup hooks), class entry plans and the
`migrate check` usage errors around them. No TensorFlow: everything here is instant."""

from __future__ import annotations

import textwrap
import types
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from migrate.checker import arguments, instances
from migrate.checker.arguments import Expr
from migrate.checker.command import check_command, entries_from_pyproject
from migrate.checker.spec import (
    SpecError,
    entry_from_table,
    entry_from_targets,
    parse_named_arg,
    validate,
)

LEGACY = '''
import tensorflow as tf
from collections import namedtuple as nt


class HParams(object):
    def __init__(self, n_embd=4):
        self.n_embd = n_embd


def default_hparams():
    return HParams()


if True:
    CONSTANT = 3
'''


@pytest.fixture()
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "legacy").mkdir()
    (tmp_path / "tf2").mkdir()
    (tmp_path / "legacy" / "model.py").write_text(LEGACY)
    for side in ("legacy", "tf2"):
        (tmp_path / side / "sibling.py").write_text("X = 1\n")
    (tmp_path / "tf2" / "model.py").write_text(LEGACY.replace("CONSTANT = 3", "pass"))
    (tmp_path / "hook.py").write_text("def make(module, side):\n    return {'n': 1}\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- the string rule -----------------------------------------------------------------------------

def test_a_literal_stays_a_literal_and_other_source_is_an_expression() -> None:
    assert arguments.parse_value(4, "args.n") == 4  # not a string: as it is
    assert arguments.parse_value([2, 3], "args.n") == [2, 3]
    assert arguments.parse_value("4", "args.n") == 4
    assert arguments.parse_value("(2, 3)", "args.n") == (2, 3)
    assert arguments.parse_value("'relu'", "args.act") == "relu"
    assert arguments.parse_value("None", "args.sess") is None
    assert arguments.parse_value("HParams(n_embd=8)", "args.hp") == Expr("HParams(n_embd=8)",
                                                                          "args.hp")
    assert arguments.parse_value("relu", "args.act") == Expr("relu", "args.act")
    with pytest.raises(SpecError, match=r"args.hp: 'HParams\(' is not a Python expression"):
        arguments.parse_value("HParams(", "args.hp")


def test_parse_named_arg_names_the_option() -> None:
    assert parse_named_arg("hp=model.default_hparams()") == (
        "hp", Expr("model.default_hparams()", "--arg hp"))
    for bad in ("hp=", "=4", "hp"):
        with pytest.raises(SpecError, match="expected NAME=VALUE"):
            parse_named_arg(bad)
    with pytest.raises(SpecError, match="--arg hp"):
        parse_named_arg("hp=HParams(n_embd=")


def test_names_are_checked_against_both_entry_files(tree: Path) -> None:
    def entry(**args: Any) -> Any:
        return entry_from_targets("legacy/model.py:build", "tf2/model.py", args=args)

    # defined in both, the file's own stem, a sibling module, a builtin, an installed module
    for source in ("HParams(n_embd=8)", "model.default_hparams()", "sibling.X", "len",
                   "os.sep", "[HParams(n) for n in range(2)]", "(lambda n: n)(3)"):
        validate(entry(hp=source))
    with pytest.raises(SpecError, match=r"args.act: 'relu': 'relu' is not defined in "
                                        r".*legacy/model.py; a string value needs Python "
                                        r"quotes: 'relu'"):
        validate(entry(act="relu"))
    with pytest.raises(SpecError, match=r"'CONSTANT' is not defined in .*tf2/model.py"):
        validate(entry(n="CONSTANT"))  # module-level in legacy only


def test_star_imports_defer_the_check_to_the_runner(tree: Path) -> None:
    (tree / "tf2" / "model.py").write_text("from legacy_ops import *\n")
    validate(entry_from_targets("legacy/model.py:build", "tf2/model.py",
                                args={"hp": "HParams()"}))


def test_a_non_literal_object_is_refused_with_the_way_out() -> None:
    with pytest.raises(SpecError, match="give an object as an expression string"):
        arguments.encode({"hp": object()})
    assert arguments.encode({"n": (2, 3), "hp": Expr("H()", "args.hp")}) == {
        "n": ["literal", "(2, 3)"], "hp": ["expr", "H()", "args.hp"]}
    assert arguments.decode(arguments.encode({"n": (2, 3)})) == {"n": (2, 3)}


def test_expressions_evaluate_in_the_entry_module() -> None:
    module = types.ModuleType("_migrate_check_model")
    module.__file__ = "/somewhere/model.py"
    exec(LEGACY.replace("import tensorflow as tf", ""), module.__dict__)
    values = arguments.evaluate({"a": Expr("HParams(n_embd=8).n_embd", "args.a"),
                                 "b": Expr("model.default_hparams().n_embd", "args.b"),
                                 "c": Expr("os.sep", "args.c"), "d": 5}, module)
    assert values == {"a": 8, "b": 4, "c": "/", "d": 5}
    with pytest.raises(NameError, match="args.e = 'nope'"):
        arguments.evaluate({"e": Expr("nope", "args.e")}, module)


def test_setup_hook_gets_module_and_side_and_args_win(tree: Path) -> None:
    module = types.ModuleType("m")
    seen = {}

    def load(path: str) -> Any:
        hook = types.ModuleType("hook")

        def make(module: Any, side: str) -> dict[str, Any]:
            seen.update(module=module, side=side)
            return {"n": 1, "m": 2}

        hook.make = make  # type: ignore[attr-defined]
        return hook

    entry = {"setup": {"path": "hook.py", "function": "make"}, "args": {"m": 3}, "init_args": {}}
    assert arguments.resolve(entry, module, "legacy", load) == ({"n": 1, "m": 3}, {})
    assert seen == {"module": module, "side": "legacy"}
    assert arguments.check_setup("hook.py:make") == ("hook.py", "make")
    for bad, message in (("hook.py", "not FILE.py:FUNCTION"), ("nope.py:make", "no such file"),
                         ("hook.py:other", "defines no 'other'")):
        with pytest.raises(SpecError, match=message):
            arguments.check_setup(bad)


# --- pyproject tables ----------------------------------------------------------------------------

def test_entry_point_table_keys(tree: Path) -> None:
    entry = entry_from_table({"legacy": "legacy/model.py:HParams", "migrated": "tf2/model.py",
                              "args": {"n_embd": "2 * 4", "act": "'relu'"},
                              "setup": "hook.py:make"}, tree, "entry_points[0]")
    assert entry.args == {"n_embd": Expr("2 * 4", "args.n_embd"), "act": "relu"}
    assert entry.setup == str(tree / "hook.py:make")
    with pytest.raises(SpecError, match=r"entry_points\[0\]: unknown key 'arg' \(known: "):
        entry_from_table({"legacy": "a.py:f", "migrated": "b.py", "arg": {}}, tree,
                         "entry_points[0]")


def test_pyproject_args_expressions_and_setup(tree: Path) -> None:
    (tree / "pyproject.toml").write_text(textwrap.dedent("""
        [[tool.migrate.entry_points]]
        legacy = "legacy/model.py:Model.logits"
        migrated = "tf2/model.py"
        args = { hparams = "HParams(n_embd=8)", n = 4 }
        setup = "hook.py:make"
    """))
    (entry,) = entries_from_pyproject(tree / "pyproject.toml")
    assert entry.args == {"hparams": Expr("HParams(n_embd=8)", "args.hparams"), "n": 4}
    assert entry.function == "Model.logits" and entry.setup == str(tree / "hook.py:make")


# --- class entry plans ---------------------------------------------------------------------------

class Callable_:
    def __init__(self, hparams, scope="model"):
        self.hparams = hparams

    def __call__(self, tokens, past=None):
        return ("call", tokens, past)

    def logits(self, tokens):
        return ("logits", tokens)


class BuildOnly:
    def __init__(self, hparams):
        pass

    def build(self, inputs):
        return ("build", inputs)


class BuiltInInit:  # BERT: the constructor takes the input; DCGAN: it takes nothing
    def __init__(self, config, input_ids=None):
        self.output = ("init", input_ids)

    def get_output(self):
        return self.output


def test_class_plans_route_inputs_and_args() -> None:
    plan = instances.plan(Callable_, None, {"tokens": 1}, {"hparams": "H", "past": 2}, {})
    assert (plan.callee, plan.ctor, plan.call) == ("__call__", {"hparams": "H"},
                                                   {"tokens": 1, "past": 2})
    assert plan.invoke(plan.build()) == ("call", 1, 2)
    plan = instances.plan(Callable_, "logits", {"tokens": 1}, {}, {"hparams": "H"})
    assert plan.invoke(plan.build()) == ("logits", 1)
    assert plan.describe() == "Callable_(...).logits()"
    plan = instances.plan(BuildOnly, None, {"inputs": 1}, {"hparams": "H"}, {})
    assert plan.invoke(plan.build()) == ("build", 1)
    plan = instances.plan(BuiltInInit, "get_output", {"input_ids": 7}, {"config": "C"}, {})
    assert plan.ctor == {"config": "C", "input_ids": 7} and plan.invoke(plan.build()) == ("init", 7)
    plan = instances.plan(BuiltInInit, None, {}, {"config": "C"}, {})
    assert plan.callee is None and plan.invoke(plan.build()) is None
    with pytest.raises(TypeError, match="defines neither __call__ nor build"):
        instances.plan(BuiltInInit, None, {"tokens": 1}, {"config": "C"}, {})
    with pytest.raises(LookupError, match="no method 'encode'"):
        instances.plan(BuiltInInit, "encode", {}, {}, {})
    # the migrated side drops init_args its constructor no longer takes
    plan = instances.plan(BuildOnly, None, {}, {}, {"hparams": 1, "gone": 2},
                          filter_init_args=True)
    assert plan.ctor == {"hparams": 1}


# --- migrate check usage errors (exit 2, naming the option) --------------------------------------

def test_cli_arg_that_does_not_evaluate_is_a_usage_error(tree: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(check_command, ["legacy/model.py:build", "tf2/model.py",
                                           "--arg", "act=relu"])
    assert result.exit_code == 2
    assert "--arg act: 'relu': 'relu' is not defined in" in result.output
    assert "a string value needs Python quotes" in result.output
    result = runner.invoke(check_command, ["legacy/model.py:build", "tf2/model.py",
                                           "--arg", "hp=HParams(n_embd="])
    assert result.exit_code == 2 and "--arg hp" in result.output
    assert "is not a Python expression" in result.output


def test_cli_without_configuration_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no pyproject.toml here; tmp dirs have none above either
    result = CliRunner().invoke(check_command, [])
    assert result.exit_code == 2
    assert "no configuration found: no pyproject.toml" in result.output


def test_cli_pyproject_errors_exit_2(tree: Path) -> None:
    (tree / "pyproject.toml").write_text(textwrap.dedent("""
        [[tool.migrate.entry_points]]
        legacy = "legacy/model.py:Model"
        migrated = "tf2/model.py"
        args = { hparams = "HParms()" }
    """))
    result = CliRunner().invoke(check_command, [])
    assert result.exit_code == 2
    assert "args.hparams: 'HParms()': 'HParms' is not defined" in result.output
    (tree / "pyproject.toml").write_text(textwrap.dedent("""
        [[tool.migrate.entry_points]]
        legacy = "legacy/model.py:Model"
        migrated = "tf2/model.py"
        setup = "missing.py:make"
    """))
    result = CliRunner().invoke(check_command, [])
    assert result.exit_code == 2 and "setup: no such file" in result.output


def test_harness_passes_setup_and_init_args(monkeypatch: pytest.MonkeyPatch, tree: Path) -> None:
    import migrate.harness as harness
    from migrate.checker.compare import Verdict

    captured = []

    def fake_check_many(entries: list[Any], options: Any = None) -> list[Verdict]:
        captured.extend(entries)
        return [Verdict("x", "equivalent")]  # type: ignore[arg-type]

    monkeypatch.setattr(harness, "check_many", fake_check_many)
    harness.assert_equivalent("legacy/model.py:Model.logits", "tf2/model.py",
                              args={"hparams": "default_hparams()"}, init_args={"scope": "'m'"},
                              setup="hook.py:make")
    (entry,) = captured
    assert entry.args == {"hparams": Expr("default_hparams()", "args.hparams")}
    assert entry.init_args == {"scope": "m"} and entry.setup == "hook.py:make"
