"""One RNN cell on `self` for the whole class (migrate/codemod/rnn_cell_shared.py): built as the
library cell where TF1 built it, run by the converted methods as `owner.cell`; the golden case
implicit_rnn/shared_self_cell is proven by the checker. Uses the text cannot follow stay TF1."""

from __future__ import annotations

import pytest

from migrate.transform import transform_source

_MODEL = '''import tensorflow as tf


class Seq2Seq(object):
    def __init__(self, units=6):
        self.cell = tf.nn.rnn_cell.LSTMCell(units)

    def encode(self, x):
        with tf.variable_scope("encoder"):
            return tf.nn.dynamic_rnn(self.cell, x, dtype=tf.float32)

    def decode(self, y, state):
        with tf.variable_scope("encoder", reuse=True):
            outputs, _ = tf.nn.dynamic_rnn(self.cell, y, initial_state=state)
        return outputs
'''


def test_the_cell_is_built_once_for_both_methods() -> None:
    out = transform_source(_MODEL, "m.py")
    assert {f.legacy_name for f in out.functions} == {"Seq2Seq.encode", "Seq2Seq.decode"}
    assert "self.cell = LSTMCell(units)" in out.code
    assert out.code.count("(owner.cell, ") == 2


@pytest.mark.parametrize("extra", [
    # read outside the class: that code would get the library cell
    '''

def outside(x):
    with tf.variable_scope("other"):
        return tf.nn.dynamic_rnn(Seq2Seq().cell, x, dtype=tf.float32)
''',
    # passed on: where it first runs is not known here
    '''
    def handed_on(self):
        return helper(self.cell)
''',
    # bound again
    '''
    def rebuild(self, units):
        self.cell = tf.nn.rnn_cell.GRUCell(units)
''',
])
def test_other_uses_stay_tf1(extra: str) -> None:
    out = transform_source(_MODEL + extra, "m.py")
    assert not {"Seq2Seq.encode", "Seq2Seq.decode"} & {f.legacy_name for f in out.functions}
    assert "tf.compat.v1.nn.rnn_cell.LSTMCell(units)" in out.code
