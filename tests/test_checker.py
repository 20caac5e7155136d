"""The checker must accept faithful migrations and reject each kind of broken one.

All pairs (tests/checker_cases/) go through ONE check_many batch: two TensorFlow start-ups for
the whole file, not two per pair.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from migrate.checker import Verdict, check_many
from migrate.checker import api

pytestmark = pytest.mark.slow  # starts TensorFlow subprocesses (one batch, ~20-40 s)

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
GAN_INPUTS = {"z": "float32[2,8]", "images": "float32[2,16]"}

# (id, legacy target, migrated target, inputs, args, expected status, check that must fail)
FUNCTION_CASES = [
    ("ok", "gan_legacy.py:build", "gan_ok.py:Build", GAN_INPUTS, {}, "equivalent", None),
    ("ok_class_inferred", "gan_legacy.py:build", "gan_ok.py", GAN_INPUTS, {}, "equivalent", None),
    ("unshared", "gan_legacy.py:build", "gan_unshared.py", GAN_INPUTS, {}, "not equivalent", "identity"),
    ("unshared_renamed", "gan_legacy.py:build", "gan_unshared_renamed.py", GAN_INPUTS, {},
     "not equivalent", "variables"),
    ("overshared", "gan_legacy.py:build", "gan_overshared.py", GAN_INPUTS, {},
     "not equivalent", "outputs (per-name random weights)"),
    ("overshared_missing", "gan_legacy.py:build", "gan_overshared_missing.py", GAN_INPUTS, {},
     "not equivalent", "variables"),
    ("changed_init", "gan_legacy.py:build", "gan_changed_init.py", GAN_INPUTS, {},
     "not equivalent", "initial values"),
    ("renamed", "gan_legacy.py:build", "gan_renamed.py", GAN_INPUTS, {}, "not equivalent", "variables"),
    ("dropped", "gan_legacy.py:build", "gan_dropped.py", GAN_INPUTS, {}, "not equivalent", "variables"),
    ("trainable", "gan_legacy.py:build", "gan_trainable.py", GAN_INPUTS, {},
     "not equivalent", "shape/dtype/trainable"),
    ("dtype", "gan_legacy.py:build", "gan_dtype.py", GAN_INPUTS, {},
     "not equivalent", "shape/dtype/trainable"),
    ("method_layers_ok", "layers_legacy.py:Model.encode", "layers_ok.py", {"x": "float32[2,5]"},
     {"num_units": 3}, "equivalent", None),
    ("regularizer_lost", "layers_legacy.py:Model.encode", "layers_noreg.py:Encode",
     {"x": "float32[2,5]"}, {"num_units": 3}, "not equivalent", "regularization losses"),
    # tf.contrib comes from tf_slim on the legacy side; Keras' GlorotUniform draws differently
    # from contrib's xavier_initializer.
    ("legacy_needs_contrib", "contrib_legacy.py:build", "contrib_migrated.py", {"x": "float32[2,4]"},
     {}, "not equivalent", "initial values"),
    # a tensor the constructor derives from a variable, read by a method (Kyubyong's embeddings)
    ("derived_recomputed", "derived_legacy.py:LM.logits", "derived_ok.py", {"ids": "int32[2]"},
     {"vocab": 5, "units": 3}, "equivalent", None),
    ("derived_stale", "derived_legacy.py:LM.logits", "derived_stale.py", {"ids": "int32[2]"},
     {"vocab": 5, "units": 3}, "not equivalent", "outputs (per-name random weights)"),
    # a returned variable list is compared as a set (by name): TF1's creation order vs a module's
    ("variable_list_order", "varlist_legacy.py:build", "varlist_ok.py:Build", {"x": "float32[2,4]"}, {},
     "equivalent", None),
    ("shape_error", "gan_legacy.py:build", "gan_shape_error.py", GAN_INPUTS, {}, "error", None),
    ("missing_class", "gan_legacy.py:build", "gan_ok.py:NoSuchClass", GAN_INPUTS, {}, "error", None),
]
SCRIPT_CASES = [
    ("script_ok", "script_ok.py", "equivalent", None),
    ("script_unshared", "script_unshared.py", "not equivalent", "identity"),
    ("script_overshared", "script_overshared.py", "not equivalent", "variables"),
    ("script_changed_init", "script_changed_init.py", "not equivalent", "initial values"),
    ("script_renamed", "script_renamed.py", "not equivalent", "variables"),
    ("script_dropped", "script_dropped.py", "not equivalent", "variables"),
    ("script_trainable", "script_trainable.py", "not equivalent", "shape/dtype/trainable"),
    ("script_dtype", "script_dtype.py", "not equivalent", "shape/dtype/trainable"),
]
# Same columns; checked with tf_function=True (the migrated entry also runs under tf.function).
FACTORY_INPUTS = {"x": "float32[2,4]", "y": "float32[2,4]"}
TF_FUNCTION_CASES = [
    # A migrated *function* (the codemod keeps one that only drives converted code).
    ("function_entry_ok", "factory_legacy.py:build_model", "factory_ok.py", FACTORY_INPUTS, {},
     "equivalent", None),
    ("function_entry_unshared", "factory_legacy.py:build_model", "factory_unshared.py",
     FACTORY_INPUTS, {}, "not equivalent", "identity"),
    ("function_entry_eager_only", "factory_legacy.py:build_model", "factory_eager_only.py",
     FACTORY_INPUTS, {}, "not equivalent", "tf.function"),
    ("function_entry_missing", "factory_legacy.py:build_model", "gan_ok.py", FACTORY_INPUTS, {},
     "error", None),
    ("ok_tf_function", "gan_legacy.py:build", "gan_ok.py", GAN_INPUTS, {}, "equivalent", None),
    ("method_layers_tf_function", "layers_legacy.py:Model.encode", "layers_ok.py",
     {"x": "float32[2,5]"}, {"num_units": 3}, "equivalent", None),
    # an initializer drawing from np.random (baselines' ortho_init): both sides seed NumPy alike
    ("numpy_initializer_ok", "numpy_init_legacy.py:build", "numpy_init_ok.py:Build",
     {"x": "float32[2,4]"}, {}, "equivalent", None),
    ("numpy_initializer_changed", "numpy_init_legacy.py:build", "numpy_init_changed.py:Build",
     {"x": "float32[2,4]"}, {}, "not equivalent", "initial values"),
    ("variable_list_order_tf_function", "varlist_legacy.py:build", "varlist_ok.py:Build",
     {"x": "float32[2,4]"}, {}, "equivalent", None),
]
ALL_IDS = ([c[0] for c in FUNCTION_CASES] + [c[0] for c in SCRIPT_CASES]
           + [c[0] for c in TF_FUNCTION_CASES])


@pytest.fixture(scope="module")
def verdicts() -> dict[str, Verdict]:
    entries = [dict(legacy=str(CASES / legacy), migrated=str(CASES / migrated), inputs=inputs,
                    args=args, label=case_id)
               for case_id, legacy, migrated, inputs, args, _, _ in FUNCTION_CASES]
    entries += [dict(legacy=str(CASES / "script_legacy.py"), migrated=str(CASES / migrated),
                     label=case_id) for case_id, migrated, _, _ in SCRIPT_CASES]
    entries += [dict(legacy=str(CASES / legacy), migrated=str(CASES / migrated), inputs=inputs,
                     args=args, label=case_id, tf_function=True)
                for case_id, legacy, migrated, inputs, args, _, _ in TF_FUNCTION_CASES]
    results = check_many(entries)
    # The point of batching: the whole file costs two TensorFlow start-ups.
    assert api.LAST_BATCH.tf_startups == 2
    return dict(zip(ALL_IDS, results))


EXPECTED = {c[0]: (c[5], c[6]) for c in FUNCTION_CASES}
EXPECTED.update({c[0]: (c[2], c[3]) for c in SCRIPT_CASES})
EXPECTED.update({c[0]: (c[5], c[6]) for c in TF_FUNCTION_CASES})


@pytest.mark.parametrize("case_id", ALL_IDS)
def test_verdict(verdicts: dict[str, Verdict], case_id: str) -> None:
    verdict = verdicts[case_id]
    status, failing_check = EXPECTED[case_id]
    assert verdict.status == status, verdict.table()
    if failing_check:
        failed = [c.name for c in verdict.checks if c.ok is False]
        assert failing_check in failed, verdict.table()
    if status == "equivalent":
        assert all(c.ok is not False for c in verdict.checks)
    assert verdict.exit_code == {"equivalent": 0, "not equivalent": 1, "error": 2}[status]


def test_errors_name_their_reason(verdicts: dict[str, Verdict]) -> None:
    shape = verdicts["shape_error"].error
    assert "migrated side cannot run" in shape and "gan_shape_error.py" in shape
    assert "NoSuchClass" in verdicts["missing_class"].error
    assert "function" not in verdicts["missing_class"].error  # :CLASS given: no fallback
    assert "no class BuildModel or function build_model" in verdicts["function_entry_missing"].error


def test_table_shows_call_sites_and_attribute_paths(verdicts: dict[str, Verdict]) -> None:
    table = verdicts["ok"].table()
    assert "discriminator/d_h0_lin/Matrix:0" in table
    assert "gan_legacy.py:13" in table  # the get_variable call in linear()
    assert "Build.discriminator.d_h0_lin.matrix" in table
    assert table.splitlines()[-1].startswith("EQUIVALENT")
    unshared = verdicts["unshared"].table()
    assert "2 variables" in unshared and unshared.splitlines()[-1].startswith("NOT EQUIVALENT")


def test_all_checks_run_in_function_mode(verdicts: dict[str, Verdict]) -> None:
    names = {c.name for c in verdicts["method_layers_ok"].checks}
    assert {"variables", "identity", "initial values", "second call", "outputs (initial weights)",
            "outputs (per-name random weights)", "regularization losses", "gradients",
            "TF1 checkpoint"} <= names


def test_script_session_code_is_a_note(verdicts: dict[str, Verdict]) -> None:
    verdict = verdicts["script_ok"]
    assert any("session" in note.lower() for note in verdict.notes), verdict.table()
    assert {r.name for r in verdict.rows} == {
        "my_scope/my_variable:0", "my_scope/sub_scope/my_variable:0", "enc/emb/table:0",
        "dec/emb/table:0", "counters/steps:0", "w:0"}


def test_function_entry_skips_second_call_but_checks_the_rest(verdicts: dict[str, Verdict]) -> None:
    verdict = verdicts["function_entry_ok"]
    checks = {c.name: c for c in verdict.checks}
    assert checks["second call"].ok is None
    assert "function entry: builds new modules per call" in checks["second call"].detail
    for name in ("variables", "identity", "initial values", "outputs (initial weights)",
                 "outputs (per-name random weights)", "gradients", "TF1 checkpoint",
                 "tf.function"):
        assert checks[name].ok is True, verdict.table()
    table = verdict.table()
    assert "build_model:Model._encode_module.h0.w" in table  # paths start at the modules it made
    assert "function entry" in table
    # Unshared: each copy keeps its own per-name weights when the function is called again.
    failed = {c.name for c in verdicts["function_entry_unshared"].checks if c.ok is False}
    assert "outputs (per-name random weights)" in failed


def test_tf_function_check(verdicts: dict[str, Verdict]) -> None:
    for case_id in ("ok_tf_function", "method_layers_tf_function", "function_entry_ok"):
        check = next(c for c in verdicts[case_id].checks if c.name == "tf.function")
        assert check.ok and "runs under TF2 eager and under tf.function" in check.detail
    # Without --tf-function, no such check; with it, an eager-only migration fails only there.
    assert all(c.name != "tf.function" for c in verdicts["ok"].checks)
    eager_only = verdicts["function_entry_eager_only"]
    assert [c.name for c in eager_only.checks if c.ok is False] == ["tf.function"]
    assert "numpy" in next(c.detail for c in eager_only.checks if c.name == "tf.function")
