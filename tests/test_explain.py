"""`migrate explain`: the inferred module tree, golden-style (tests/explain_cases/<case>.py with
<case>.expected.txt / .expected.json), and that it never writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from migrate.cli import main

ROOT = Path(__file__).parent.parent
CASES = sorted(p.stem for p in (ROOT / "tests" / "explain_cases").glob("*.py"))


def explain(*args: str) -> str:
    result = CliRunner().invoke(main, ["explain", "-j", "1", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(autouse=True)
def at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # expected files name cases by their path from the repository root


@pytest.mark.parametrize("case", CASES)
def test_text_and_json_match_the_expected(case: str) -> None:
    source = f"tests/explain_cases/{case}.py"
    expected = ROOT / "tests" / "explain_cases" / case
    assert explain(source) == expected.with_suffix(".expected.txt").read_text(encoding="utf-8")
    assert json.loads(explain("--format", "json", source)) == json.loads(
        expected.with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_reused_discriminator_is_one_shared_instance() -> None:
    data = json.loads(explain("--format", "json", "tests/explain_cases/reused_discriminator.py"))
    (edge,) = data["files"][0]["sharing"]
    assert edge["module"] == "Build.discriminator" and edge["scope"] == "discriminator"
    assert [s["reason"] for s in edge["call_sites"]] == ["creates", "reuse=True"]


def test_auto_reuse_under_two_parents_is_not_shared() -> None:
    data = json.loads(explain("--format", "json", "tests/explain_cases/auto_reuse_two_parents.py"))
    assert data["files"][0]["sharing"] == []
    text = explain("tests/explain_cases/auto_reuse_two_parents.py")
    assert "encoder/shared_embedding/table:0" in text and "decoder/shared_embedding/table:0" in text


def test_refusals_carry_their_next_step() -> None:
    data = json.loads(explain("--format", "json", "tests/explain_cases/refused.py"))
    (refusal,) = data["files"][0]["refused"]
    assert refusal["code"] == "partitioner" and "TF2 has no partitioned" in refusal["next_step"]


def test_mermaid_marks_the_shared_edge() -> None:
    text = explain("--format", "mermaid", "tests/explain_cases/reused_discriminator.py")
    assert text.startswith("graph TD") and '-->|"discriminator ×2 shared: reuse=True"|' in text


def test_a_directory_is_explained_and_nothing_is_written(tmp_path: Path) -> None:
    for case in CASES:
        (tmp_path / f"{case}.py").write_bytes((ROOT / "tests" / "explain_cases" / f"{case}.py").read_bytes())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    text = explain(str(tmp_path))
    assert "discriminator/d_h0_lin/Matrix:0" in text and "partitioner" in text
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_demo_dcgan_shares_the_discriminator() -> None:
    text = explain("examples/legacy/dcgan.py")
    assert "BuildModel.discriminator (Discriminator, scope discriminator): one instance for 2 call sites" in text
    assert "discriminator/d_h0_conv/w:0" in text and "generator/g_bn0/" in text


def test_implicit_creators_show_what_they_became_and_their_tf1_names() -> None:
    data = json.loads(explain("--format", "json", "tests/explain_cases/implicit_creators.py"))
    (build,) = data["files"][0]["modules"]
    (disc,) = build["submodules"]
    creators = {m["attribute"]: m for m in disc["submodules"]}
    assert {m["kind"] for m in creators.values()} == {"creator"}
    conv = creators["conv1"]
    assert (conv["class"], conv["legacy"], conv["scope"]) == (
        "ContribConv2D", "tf.contrib.layers.conv2d / slim", "disc/conv1")
    assert [v["name"] for v in conv["variables"]] == ["disc/conv1/weights:0", "disc/conv1/biases:0"]
    dense = creators["dense"]  # a default name, uniquified in its scope as TF1 did
    assert dense["legacy"] == "tf.layers.dense" and dense["call_sites"] == [{"line": 17, "reason": "creates"}]
    assert {v["name"]: v.get("condition") for v in dense["variables"]} == {
        "disc/dense/kernel:0": None, "disc/dense/bias:0": "not with use_bias=False"}


def test_a_refused_creator_gives_its_reason() -> None:
    text = explain("tests/explain_cases/implicit_creators.py")
    assert ("line 8: implicit-creator: tf.contrib.slim.layer_norm passed as activation_fn=: the layer "
            "library does not run creators passed as values") in text


def test_a_layer_library_class_names_its_creator() -> None:
    from migrate.codemod.creators import CREATED_VARIABLES, SPECS, legacy_api_label

    assert {spec.class_name for spec in SPECS.values()} <= set(CREATED_VARIABLES)
    assert legacy_api_label("BatchNormalization") == "tf.layers.batch_normalization"
    assert legacy_api_label("DynamicRnn") == "tf.nn.dynamic_rnn"
    assert legacy_api_label("Linear") is None
