"""tf.contrib.legacy_seq2seq.rnn_decoder as a runner (creators_rnn.py, tf2_rnn.RnnDecoder): the
cell run over a given list of inputs in `variable_scope(scope or "rnn_decoder")`, as TF1 named it;
a loop_function (a sampling decoder feeding outputs back through user code) is refused."""

from __future__ import annotations

import textwrap

from migrate.transform import transform_source

_DECODER = """
    import tensorflow as tf
    from tensorflow.contrib import legacy_seq2seq


    def decode(inputs, state_in):
        cell = tf.contrib.rnn.BasicLSTMCell(8)
        state = tf.contrib.rnn.LSTMStateTuple(state_in, state_in)
        steps = tf.unstack(inputs, axis=1)
        outputs, last = legacy_seq2seq.rnn_decoder(steps, state, cell, LOOP)
        return tf.stack(outputs, axis=1), last
    """


def test_a_decoder_over_given_inputs_converts() -> None:
    out = transform_source(textwrap.dedent(_DECODER.replace("LOOP", 'scope="dec"')), "m.py")
    assert 'self.dec = RnnDecoder(name="dec")' in out.code
    assert "outputs, last = self.dec(steps, state, cell)" in out.code
    assert "import legacy_seq2seq" not in out.code and "contrib" not in out.code.split("class Decode")[1]
    assert [f.legacy_name for f in out.functions] == ["decode"]


def test_a_loop_function_is_refused() -> None:
    out = transform_source(textwrap.dedent(_DECODER.replace("LOOP", "loop_function=lambda p, i: p")), "m.py")
    assert not out.functions
    assert any("loop_function" in d.message and d.code == "implicit-creator" for d in out.diagnostics)
