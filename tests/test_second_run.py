"""A second run changes nothing: patterns found on real repositories (benchmarks/repos.py)."""

from __future__ import annotations

import pytest

from migrate.transform import transform_source

CASES = {
    "softmax v2 (glow, Kyubyong/transformer)": (
        "import tensorflow as tf\n\n\ndef loss(logits, y):\n"
        "    return tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits)\n"),
    "softmax v1 wrapped once (wavenet, ACGAN)": (
        "import tensorflow as tf\n\n\ndef loss(logits, y):\n"
        "    return tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits)\n"),
}


@pytest.mark.parametrize("source", list(CASES.values()), ids=list(CASES))
def test_second_run_changes_nothing(source: str) -> None:
    once = transform_source(source, "m.py").code
    assert once != source
    assert transform_source(once, "m.py").code == once
    assert once.count("stop_gradient") <= 1
