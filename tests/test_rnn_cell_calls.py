"""RNN cells called directly and cell factories (migrate/codemod/rnn_cell_calls.py,
rnn_cell_factories.py, through layer_objects.resolve_layer_objects): written before the codemod
as what it converts when that is what TF1 ran, refused with the reason otherwise."""

from __future__ import annotations

import textwrap

from migrate.codemod.layer_objects import resolve_layer_objects
from migrate.transform import transform_source

_HEAD = "import tensorflow as tf\n\n\n"


def _resolve(body: str):
    return resolve_layer_objects(_HEAD + textwrap.dedent(body), "m.py")


_UNROLLED = """
    def lm(inputs, steps, num_units=8):
        cell = tf.nn.rnn_cell.GRUCell(num_units)
        state = cell.zero_state(2, tf.float32)
        outputs = []
        with tf.variable_scope("rnn"):
            for t in range(steps):
                if t > 0:
                    tf.get_variable_scope().reuse_variables()
                output, state = cell(inputs[:, t], state)
                outputs.append(output)
        return outputs, state
    """


def test_a_cell_called_in_a_loop_is_one_module_named_as_tf1_named_the_cell() -> None:
    r = _resolve(_UNROLLED)
    assert ('tf.nn.rnn_cell.cell_call(cell, inputs[:, t], state, scope="gru_cell", '
            "reuse=tf.AUTO_REUSE)") in r.source and r.regions == {"lm"}
    out = transform_source(_HEAD + textwrap.dedent(_UNROLLED), "m.py")
    assert [f.legacy_name for f in out.functions] == ["lm"]
    assert 'CellCall(name="gru_cell")' in out.code and "cell_call" not in out.code
    assert "compat.v1" not in out.code


def test_wrapped_and_named_cells_take_their_tf1_names() -> None:
    r = _resolve("""
        def step(x, h, c):
            base = tf.nn.rnn_cell.LSTMCell(4, name="decoder_cell")
            cell = tf.nn.rnn_cell.DropoutWrapper(base, output_keep_prob=0.9)
            stack = tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.GRUCell(4) for _ in range(2)])
            y, s1 = cell(x, c)
            z, s2 = stack(y, h)
            return z, s1, s2
        """)
    assert 'scope="decoder_cell"' in r.source and 'scope="multi_rnn_cell"' in r.source


def _reason(body: str) -> str:
    r = _resolve(body)
    assert "cell_call" not in r.source, r.source
    (d,) = [d for d in r.diagnostics if "called directly" in d.message]
    assert d.code == "implicit-creator" and d.severity == "info"
    return d.message


def test_refusals_say_why() -> None:
    assert "chosen at run time" in _reason("""
        def f(x, s, use_gru):
            cell = tf.nn.rnn_cell.GRUCell(4) if use_gru else tf.nn.rnn_cell.LSTMCell(4)
            return cell(x, s)
        """)
    assert "bound in a loop" in _reason("""
        def f(xs, s):
            for x in xs:
                cell = tf.nn.rnn_cell.GRUCell(4)
                y, s = cell(x, s)
            return s
        """)
    assert "more than one variable scope" in _reason("""
        def f(xs, s):
            cell = tf.nn.rnn_cell.GRUCell(4)
            for i, x in enumerate(xs):
                with tf.variable_scope("t%d" % i):
                    y, s = cell(x, s)
            return s
        """)
    assert "passes other than (inputs, state)" in _reason("""
        def f(x, s):
            cell = tf.nn.rnn_cell.GRUCell(4)
            return cell(x, s, scope="g")
        """)
    r = _resolve("""
        def f(x, s, t):
            a = tf.nn.rnn_cell.GRUCell(4)
            b = tf.nn.rnn_cell.GRUCell(4)
            return a(x, s), b(x, t)
        """)
    assert "cell_call" not in r.source
    assert all("TF1 made gru_cell, gru_cell_1" in d.message for d in r.diagnostics)


def test_factories_and_class_choosers_are_inlined() -> None:
    r = _resolve("""
        def make_cell(units, keep_prob=1.0):
            cell = tf.nn.rnn_cell.LSTMCell(units)
            return tf.nn.rnn_cell.DropoutWrapper(cell, output_keep_prob=keep_prob)


        class Model(object):
            def _cell(self):
                return tf.nn.rnn_cell.GRUCell(self.units)

            def encode(self, x, use_lstm):
                def local_cell():
                    return tf.nn.rnn_cell.BasicRNNCell(3)
                cell_fn = tf.nn.rnn_cell.LSTMCell if use_lstm else tf.nn.rnn_cell.GRUCell
                a = tf.nn.rnn_cell.MultiRNNCell([make_cell(4) for _ in range(2)])
                b = tf.nn.rnn_cell.MultiRNNCell([self._cell(), local_cell()])
                c = cell_fn(5)
                return a, b, c
        """)
    assert ("tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.LSTMCell(4), output_keep_prob=1.0)"
            in r.source)
    assert "[tf.nn.rnn_cell.GRUCell(self.units), tf.nn.rnn_cell.BasicRNNCell(3)]" in r.source
    assert "c = tf.nn.rnn_cell.LSTMCell(5) if use_lstm else tf.nn.rnn_cell.GRUCell(5)" in r.source
    assert "cell_fn" not in r.source and r.regions == {"Model.encode"}


def test_a_factory_reading_a_shadowed_name_is_not_inlined() -> None:
    r = _resolve("""
        units = 4


        def make_cell():
            return tf.nn.rnn_cell.GRUCell(units)


        def encode(x, units):
            return tf.nn.rnn_cell.MultiRNNCell([make_cell()])
        """)
    assert "[make_cell()]" in r.source


def test_a_cell_kept_on_self_is_built_in_the_method_that_runs_it() -> None:
    r = _resolve("""
        class Encoder(object):
            def __init__(self, hidden, layers=2):
                self.cell = tf.nn.rnn_cell.MultiRNNCell(
                    [tf.nn.rnn_cell.GRUCell(hidden) for _ in range(layers)])

            def encode(self, x):
                \"\"\"Runs the encoder.\"\"\"
                with tf.variable_scope("encoder"):
                    return tf.nn.dynamic_rnn(self.cell, x, dtype=tf.float32)
        """)
    assert "self._cell_hidden = hidden\n        self._cell_layers = layers" in r.source
    assert ('"""Runs the encoder."""\n        cell = tf.nn.rnn_cell.MultiRNNCell(\n'
            "            [tf.nn.rnn_cell.GRUCell(self._cell_hidden) for _ in range(self._cell_layers)])"
            in r.source)
    assert "tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)" in r.source
    assert r.regions == {"Encoder.encode"}


def test_a_cell_on_self_used_by_two_methods_stays() -> None:
    source = """
        class Model(object):
            def __init__(self):
                self.cell = tf.nn.rnn_cell.GRUCell(4)
                self.initial = self.cell.zero_state(2, tf.float32)

            def run(self, x):
                return tf.nn.dynamic_rnn(self.cell, x, initial_state=self.initial)
        """
    r = _resolve(source)
    assert r.source == _HEAD + textwrap.dedent(source)


def test_a_choice_of_factories_is_inlined_per_branch() -> None:
    r = _resolve("""
        def encode(x, units, use_lstm):
            def lstm_cell():
                return tf.nn.rnn_cell.LSTMCell(units)

            def gru_cell():
                return tf.nn.rnn_cell.GRUCell(units)

            make = lstm_cell if use_lstm else gru_cell
            cell = tf.nn.rnn_cell.MultiRNNCell([make() for _ in range(2)])
            return tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
        """)
    assert ("[tf.nn.rnn_cell.LSTMCell(units) if use_lstm else tf.nn.rnn_cell.GRUCell(units) "
            "for _ in range(2)]") in r.source
    assert "make =" not in r.source


def test_keyword_calls_and_a_named_scope_entered_at_every_step() -> None:
    """show-attend-and-tell: `lstm_cell(inputs=..., state=[c, h])` at each step, inside
    `with tf.variable_scope('lstm', reuse=(t != 0))` entered again by the loop: one scope name
    (TF1 does not number variable scopes named by a string), so one cell module."""
    r = _resolve("""
        def f(xs, c, h):
            cell = tf.nn.rnn_cell.BasicLSTMCell(num_units=4)
            for t in range(3):
                with tf.variable_scope('lstm', reuse=(t != 0)):
                    _, (c, h) = cell(inputs=xs[t], state=[c, h])
            return h
        """)
    assert ('tf.nn.rnn_cell.cell_call(cell, xs[t], [c, h], scope="basic_lstm_cell", '
            "reuse=tf.AUTO_REUSE)") in r.source
    # the keywords in another order would change the order the arguments run in
    assert "passes other than (inputs, state)" in _reason("""
        def f(x, s):
            cell = tf.nn.rnn_cell.GRUCell(4)
            return cell(state=s, inputs=x)
        """)
    # a scope numbered by TF1 (default_name=) at each entry is a new scope per step
    assert "more than one variable scope" in _reason("""
        def f(xs, s):
            cell = tf.nn.rnn_cell.GRUCell(4)
            for x in xs:
                with tf.variable_scope(None, default_name="step"):
                    y, s = cell(x, s)
            return s
        """)
