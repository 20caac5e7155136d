"""The analysis runs on Python's ast; libcst parses a file only when something will change."""

from __future__ import annotations

import libcst
import pytest

import migrate.transform as transform

BLOCKED = '''\
import tensorflow as tf


def dense_block(x):
    with tf.variable_scope("block"):
        return tf.keras.layers.Dense(4)(x)
'''
# (a Keras layer: refused; `tf.layers.Dense(4)(x)` converts, migrate/codemod/layer_inline.py)

CONVERTIBLE = '''\
import tensorflow as tf


def linear(x):
    with tf.variable_scope("linear"):
        w = tf.get_variable("w", [3, 4])
        return tf.matmul(x, w)
'''


@pytest.fixture
def libcst_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = libcst.parse_module

    def counting(source: str, *args, **kwargs):
        seen.append(source)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(transform.cst, "parse_module", counting)
    return seen


def test_blocked_file_is_decided_without_libcst(libcst_parses: list[str]) -> None:
    # Through `tensorflow.compat.v1` refused code runs on TF2 as it is: nothing to rename.
    blocked_v1 = BLOCKED.replace("import tensorflow as tf", "import tensorflow.compat.v1 as tf")
    out = transform.transform_source(blocked_v1, "blocked.py")
    assert out.code == blocked_v1
    # the refusal, and the scope it leaves accounted for on its own line (info)
    assert [d.code for d in out.diagnostics] == ["implicit-creator", "compat-v1-kept"]
    assert out.diagnostics[0].line == 6  # exact, from the ast
    assert out.diagnostics[1].line == 5 and out.diagnostics[1].severity == "info"
    assert libcst_parses == []


def test_blocked_file_gets_compat_renames() -> None:
    out = transform.transform_source(BLOCKED, "blocked.py")
    assert out.code == BLOCKED.replace("tf.variable_scope", "tf.compat.v1.variable_scope")
    # the refusal, the rename, and the scope's note naming the refusal (its line)
    assert [d.code for d in out.diagnostics] == ["implicit-creator", "compat-v1-kept", "compat-v1-kept"]
    assert out.diagnostics[-1].message.endswith("(implicit-creator at line 6)")


def test_convertible_file_is_parsed_once(libcst_parses: list[str]) -> None:
    out = transform.transform_source(CONVERTIBLE, "linear.py")
    assert "class Linear(tf.Module)" in out.code
    assert libcst_parses.count(CONVERTIBLE) == 1


def test_syntax_only_libcst_rejects_still_raises() -> None:
    with pytest.raises(libcst.ParserSyntaxError):
        transform.transform_source("print 'python 2'\n")


def test_parse_without_validation_gives_the_same_tree_and_restores_validation() -> None:
    from migrate.cstparse import parse_module

    assert parse_module(CONVERTIBLE).deep_equals(libcst.parse_module(CONVERTIBLE))
    with pytest.raises(libcst.ParserSyntaxError):
        parse_module("def (:\n")
    with pytest.raises(libcst.CSTValidationError):  # nodes built later are checked again
        libcst.Name("not a name")
