"""Real entry points: model classes configured by hparams objects (tests/checker_cases/lm/),
checked as `Class`, `Class.method`, with `args` expressions and a `setup` hook. One batch: two
TensorFlow start-ups for the whole file."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from migrate.checker import Verdict, api, check_many

pytestmark = pytest.mark.slow

TOKENS = {"tokens": "int32[2,3]"}
STALE_EDITS = [  # a migration that computes Encoder's output once, in __init__ (stale weights)
    ('            self.pooler = Dense(3, name="pooler")\n',
     '            self.pooler = Dense(3, name="pooler")\n'
     '        self.output = self.pooler(tf.reduce_mean(tf.gather(self.embedding, tokens), '
     'axis=1))\n'),
    ("        return self.pooler(tf.reduce_mean(tf.gather(self.embedding, self.tokens), axis=1))\n",
     "        return self.output\n"),
]

# (id, legacy target, migrated target, inputs, args, setup, status, a check that must fail,
#  number of variables)
CASES = [
    ("class_called", "legacy/lm.py:Model", "tf2/lm.py", TOKENS,
     {"hparams": "HParams(n_layer=2)"}, None, "equivalent", None, 5),
    ("method_via_owner", "legacy/lm.py:Model.logits", "tf2/lm.py", TOKENS,
     {"hparams": "lm.default_hparams()"}, None, "equivalent", None, 5),
    ("setup_hook", "legacy/lm.py:Model", "tf2/lm.py:Model", TOKENS, {},
     "setup_args.py:make_args", "equivalent", None, 7),
    ("built_in_constructor_method", "legacy/lm.py:Encoder.get_output",
     "tf2/lm.py:Encoder.get_output", TOKENS, {"hparams": "default_hparams()"}, None,
     "equivalent", None, 3),
    ("built_in_constructor_only", "legacy/lm.py:Trainer", "tf2/lm.py", {},
     {"sess": "None", "hparams": "HParams()"}, None, "equivalent", None, 3),
    ("stale_output", "legacy/lm.py:Encoder.get_output", "tf2/lm_stale.py:Encoder.get_output",
     TOKENS, {"hparams": "default_hparams()"}, None, "not equivalent",
     "outputs (per-name random weights)", 3),
    ("expression_raises", "legacy/lm.py:Model", "tf2/lm.py", TOKENS,
     {"hparams": "HParams(bogus=1)"}, None, "error", None, 0),
]


@pytest.fixture(scope="module")
def verdicts() -> dict[str, Verdict]:
    root = Path(tempfile.mkdtemp(prefix="checker_lm_")) / "lm"
    shutil.copytree(Path(__file__).parent / "checker_cases" / "lm", root)
    text = (root / "tf2" / "lm.py").read_text(encoding="utf-8")
    for old, new in STALE_EDITS:
        assert text.count(old) == 1
        text = text.replace(old, new)
    (root / "tf2" / "lm_stale.py").write_text(text, encoding="utf-8")
    entries = [dict(legacy=str(root / legacy), migrated=str(root / migrated), inputs=inputs,
                    args=args, setup=str(root / setup) if setup else None, label=case_id,
                    tf_function=status == "equivalent")
               for case_id, legacy, migrated, inputs, args, setup, status, _, _ in CASES]
    results = check_many(entries)
    assert api.LAST_BATCH.tf_startups == 2
    return {case[0]: verdict for case, verdict in zip(CASES, results)}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_class_entry_points(verdicts: dict[str, Verdict], case: tuple) -> None:
    case_id, _, _, _, _, _, status, failing_check, n_variables = case
    verdict = verdicts[case_id]
    assert verdict.status == status, verdict.table()
    if failing_check:
        assert failing_check in [c.name for c in verdict.checks if c.ok is False], verdict.table()
    if status != "error":
        assert len(verdict.rows) == n_variables, verdict.table()
    if status == "equivalent":
        assert any(c.name == "tf.function" and c.ok for c in verdict.checks), verdict.table()


def test_how_each_class_entry_ran(verdicts: dict[str, Verdict]) -> None:
    assert any("nothing called" in n for n in verdicts["built_in_constructor_only"].notes)
    error = verdicts["expression_raises"].error
    assert "args.hparams = 'HParams(bogus=1)'" in error and "bogus" in error
