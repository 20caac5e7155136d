"""The TF2 RNN library (migrate/codemod/tf2_rnn.py via creators.library_source) against TF1's
cells (tf_keras' legacy cells: tf.nn.rnn_cell / tf.contrib.rnn) and the functions that run
them (dynamic_rnn, static_rnn, bidirectional_dynamic_rnn).

Each case is a legacy TF1 program and its migration written the way the codemod writes it: the
cell built where TF1 built it (`LSTMCell(4)`, creating nothing), the running call a module the
caller owns (`self.rnn = DynamicRnn(name="rnn")`, `self.rnn(cell, x, ...)`). All go through the
checker in ONE batch (names, shapes, initial values, outputs at initial and per-name random
weights, gradients, tf.function, no variables on a second call).
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from migrate.codemod import creators
from migrate.codemod import creators_rnn

# --------------------------------------------------------------------------- fast: the codemod

_REFUSED = """
import tensorflow as tf


def two_cells_one_scope(x, y):
    c1 = tf.nn.rnn_cell.GRUCell(4)
    a, _ = tf.nn.dynamic_rnn(c1, x, dtype=tf.float32)
    c2 = tf.nn.rnn_cell.GRUCell(4)
    b, _ = tf.nn.dynamic_rnn(c2, y, dtype=tf.float32)
    return a, b


def new_cell_every_turn(x):
    for i in range(2):
        x, _ = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(4), x, dtype=tf.float32)
    return x


units = 3


def make_cell():
    return tf.nn.rnn_cell.LSTMCell(units)


def cell_from_a_factory(x, units):
    out, _ = tf.nn.dynamic_rnn(make_cell(), x, dtype=tf.float32)
    return out


def called_directly(x, use_gru):
    cell = tf.nn.rnn_cell.GRUCell(3) if use_gru else tf.nn.rnn_cell.LSTMCell(3)
    out, state = cell(x, cell.zero_state(2, tf.float32))
    return out


def cell_from_a_parameter(x, cell):
    return tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)


def sharded(x):
    cell = tf.nn.rnn_cell.LSTMCell(4, num_unit_shards=2)
    return tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)


def stack_from_a_parameter(x, layers):
    return tf.nn.dynamic_rnn(tf.nn.rnn_cell.MultiRNNCell(layers), x, dtype=tf.float32)
"""

_CONVERTED = """
import tensorflow as tf


def layer_per_turn(x):
    for i in range(2):
        x, _ = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(4), x, dtype=tf.float32,
                                 scope="layer_%d" % i)
    return x


def same_cell_twice(x, y):
    cell = tf.contrib.rnn.BasicLSTMCell(3)
    with tf.variable_scope("a"):
        a, _ = tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)
    b, _ = tf.nn.dynamic_rnn(cell, y, dtype=tf.float32, scope="b")
    return a, b


def wrapped_in_a_comprehension(x, n=2):
    cells = [tf.nn.rnn_cell.GRUCell(3) for _ in range(n)]
    cell = tf.nn.rnn_cell.MultiRNNCell([tf.nn.rnn_cell.DropoutWrapper(c) for c in cells])
    return tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)


def reuse_switched_on(x, y):
    with tf.variable_scope("s") as vs:
        a, _ = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(4), x, dtype=tf.float32)
        vs.reuse_variables()
        b, _ = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(4), y, dtype=tf.float32)
    return a, b
"""


def _transform(source: str):
    from migrate.transform import transform_source

    return transform_source(source, "model.py")


def test_undecidable_cells_stay_tf1_with_their_reason() -> None:
    out = _transform(_REFUSED)
    assert "class " not in out.code.split("def two_cells_one_scope")[1]
    messages = {d.line: d.message for d in out.diagnostics if d.code == "implicit-creator"}
    lines = _REFUSED.splitlines()

    def line_of(text: str) -> int:
        return next(i for i, l in enumerate(lines, 1) if text in l)

    assert "second tf.nn.dynamic_rnn in the same variable scope" in messages[line_of("b, _ = tf.nn")]
    assert "new cell on every turn" in messages[line_of("x, _ = tf.nn.dynamic_rnn(tf.nn")]
    assert "not built in this function (make_cell())" in messages[line_of("make_cell(), x")]
    assert "called directly" in messages[line_of("out, state = cell(x")]
    assert "not built in this function (cell)" in messages[line_of("return tf.nn.dynamic_rnn(cell, x")]
    assert "num_unit_shards" in messages[line_of("num_unit_shards=2")]
    assert "given to MultiRNNCell (layers) are not built" in messages[line_of("MultiRNNCell(layers)")]
    assert "GRUCell(" not in out.code.replace("tf.compat.v1.nn.rnn_cell.GRUCell(", "")


def test_cell_factories_and_direct_calls_convert() -> None:
    """(rnn_cell_factories.py, rnn_cell_calls.py; the golden cases prove them)"""
    out = _transform(textwrap.dedent("""
        import tensorflow as tf


        def _dropout_cell(units):
            return tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.LSTMCell(units), input_keep_prob=0.9)


        def stack_from_a_factory(x):
            layers = [_dropout_cell(4) for _ in range(2)]
            return tf.nn.dynamic_rnn(tf.nn.rnn_cell.MultiRNNCell(layers), x, dtype=tf.float32)


        def called_directly(x):
            cell = tf.nn.rnn_cell.GRUCell(3)
            out, state = cell(x, cell.zero_state(2, tf.float32))
            return out
        """))
    assert {f.legacy_name for f in out.functions} == {"stack_from_a_factory", "called_directly"}
    assert "[DropoutWrapper(LSTMCell(4), input_keep_prob=0.9) for _ in range(2)]" in out.code
    assert 'CellCall(name="gru_cell")' in out.code


def test_decidable_cells_convert() -> None:
    out = _transform(_CONVERTED)
    code = out.code
    for cls in ("class LayerPerTurn(tf.Module)", "class SameCellTwice(tf.Module)",
                "class ReuseSwitchedOn(tf.Module)", "class WrappedInAComprehension(tf.Module)",
                "class DynamicRnn(", "class GRUCell(",
                "class BasicLSTMCell("):
        assert cls in code, code
    assert "DynamicRnn(name='layer_%d' % i)" in code.replace('"', "'")
    user_code = code[code.index("class LayerPerTurn("):]
    assert "tf.compat.v1" not in user_code and "rnn_cell." not in user_code
    assert "contrib.rnn" not in user_code
    assert not [d for d in out.diagnostics if d.code == "implicit-creator"]
    assert _transform(code).code == code  # a second run changes nothing


def test_runner_specs_match_the_library_signatures() -> None:
    from migrate.codemod.creators import _RNN_LIBRARY_FILE

    tree = ast.parse(_RNN_LIBRARY_FILE.read_text(encoding="utf-8"))
    calls = {node.name: item for node in tree.body if isinstance(node, ast.ClassDef)
             for item in node.body if isinstance(item, ast.FunctionDef) and item.name == "__call__"}
    for api, spec in creators_rnn.RUNNERS.items():
        params = tuple(a.arg for a in calls[spec.class_name].args.args[1:])
        assert params == spec.call_params(), api
    inits = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    assert set(creators_rnn.LIBRARY_CALLS.values()) <= inits


# --------------------------------------------------------------------------- slow: the checker

CASES: dict[str, dict] = {}
_ALL_CLASSES = ["DynamicRnn", "StaticRnn", "BidirectionalDynamicRnn", "BasicRNNCell",
                "BasicLSTMCell", "LSTMCell", "GRUCell", "MultiRNNCell", "DropoutWrapper",
                "ResidualWrapper", "Dense"]


def case(name: str, inputs: dict[str, str], legacy: str, migrated: str) -> None:
    CASES[name] = {"inputs": inputs, "legacy": textwrap.dedent(legacy),
                   "migrated": textwrap.dedent(migrated)}


case("lstm_dynamic_lengths", {"x": "float32[3,5,2]", "lengths": "int32[3]"}, """
    import tensorflow as tf

    def build(x, lengths):
        with tf.variable_scope("encoder"):
            cell = tf.nn.rnn_cell.LSTMCell(4)
            outputs, state = tf.nn.dynamic_rnn(cell, x, sequence_length=lengths,
                                               dtype=tf.float32)
        return outputs, state.c, state.h
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("encoder/"):
                self.rnn = DynamicRnn(name="rnn")

        def __call__(self, x, lengths):
            cell = LSTMCell(4)
            outputs, state = self.rnn(cell, x, sequence_length=lengths, dtype=tf.float32)
            return outputs, state.c, state.h
    """)

case("multi_cell_wrappers", {"x": "float32[2,4,3]"}, """
    import tensorflow as tf

    def build(x):
        with tf.variable_scope("lm"):
            cells = [tf.contrib.rnn.GRUCell(4),
                     tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.BasicLSTMCell(3, forget_bias=0.5),
                                                   output_keep_prob=1.0),
                     tf.nn.rnn_cell.ResidualWrapper(tf.nn.rnn_cell.BasicRNNCell(3))]
            cell = tf.nn.rnn_cell.MultiRNNCell(cells)
            init = cell.zero_state(2, tf.float32)
            outputs, state = tf.nn.dynamic_rnn(cell, x, initial_state=init)
            logits = tf.layers.dense(outputs, 5)
        return logits, state[0], state[1].h, state[2]
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("lm/"):
                self.rnn = DynamicRnn(name="rnn")
                self.dense = Dense(name="dense")

        def __call__(self, x):
            cells = [GRUCell(4),
                     DropoutWrapper(BasicLSTMCell(3, forget_bias=0.5), output_keep_prob=1.0),
                     ResidualWrapper(BasicRNNCell(3))]
            cell = MultiRNNCell(cells)
            init = cell.zero_state(2, tf.float32)
            outputs, state = self.rnn(cell, x, initial_state=init)
            logits = self.dense(outputs, 5)
            return logits, state[0], state[1].h, state[2]
    """)

case("bidirectional_tagger", {"x": "float32[3,5,2]", "lengths": "int32[3]"}, """
    import tensorflow as tf

    def build(x, lengths):
        with tf.variable_scope("bi-lstm"):
            cell_fw = tf.contrib.rnn.LSTMCell(3)
            cell_bw = tf.contrib.rnn.LSTMCell(3)
            (fw, bw), (sfw, sbw) = tf.nn.bidirectional_dynamic_rnn(
                cell_fw, cell_bw, x, sequence_length=lengths, dtype=tf.float32)
            output = tf.concat([fw, bw], axis=-1)
        return output, sfw.h, sbw.c
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("bi-lstm/"):
                self.bidirectional_rnn = BidirectionalDynamicRnn(name="bidirectional_rnn")

        def __call__(self, x, lengths):
            cell_fw = LSTMCell(3)
            cell_bw = LSTMCell(3)
            (fw, bw), (sfw, sbw) = self.bidirectional_rnn(
                cell_fw, cell_bw, x, sequence_length=lengths, dtype=tf.float32)
            output = tf.concat([fw, bw], axis=-1)
            return output, sfw.h, sbw.c
    """)

case("static_and_lstm_options", {"x": "float32[2,3,4]", "lengths": "int32[2]"}, """
    import tensorflow as tf

    def build(x, lengths):
        steps = tf.unstack(x, axis=1)
        cell = tf.nn.rnn_cell.BasicLSTMCell(3, state_is_tuple=False)
        outs, state = tf.nn.static_rnn(cell, steps, dtype=tf.float32, sequence_length=lengths)
        proj = tf.nn.rnn_cell.LSTMCell(4, num_proj=2, use_peepholes=True, cell_clip=0.5,
                                       forget_bias=0.0)
        p_out, p_state = tf.nn.dynamic_rnn(proj, x, dtype=tf.float32, time_major=True,
                                           scope="projected")
        return tf.stack(outs), state, p_out, p_state.c
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            self.rnn = StaticRnn(name="rnn")
            self.projected = DynamicRnn(name="projected")

        def __call__(self, x, lengths):
            steps = tf.unstack(x, axis=1)
            cell = BasicLSTMCell(3, state_is_tuple=False)
            outs, state = self.rnn(cell, steps, dtype=tf.float32, sequence_length=lengths)
            proj = LSTMCell(4, num_proj=2, use_peepholes=True, cell_clip=0.5, forget_bias=0.0)
            p_out, p_state = self.projected(proj, x, dtype=tf.float32, time_major=True)
            return tf.stack(outs), state, p_out, p_state.c
    """)

case("same_cell_two_scopes", {"a": "float32[2,3,2]", "b": "float32[2,4,2]"}, """
    import tensorflow as tf

    def build(a, b):
        cell = tf.nn.rnn_cell.GRUCell(3, kernel_initializer=tf.zeros_initializer())
        with tf.variable_scope("question"):
            qa, sa = tf.nn.dynamic_rnn(cell, a, dtype=tf.float32)
        with tf.variable_scope("answer"):
            qb, sb = tf.nn.dynamic_rnn(cell, b, initial_state=sa)  # same cell: shared
        return qa, qb, sb
    """, """
    class Build(tf.Module):
        def __init__(self, name=None):
            super().__init__(name=name)
            with tf.name_scope("question/"):
                self.question_rnn = DynamicRnn(name="rnn")
            with tf.name_scope("answer/"):
                self.answer_rnn = DynamicRnn(name="rnn")

        def __call__(self, a, b):
            cell = GRUCell(3, kernel_initializer=tf.zeros)
            qa, sa = self.question_rnn(cell, a, dtype=tf.float32)
            qb, sb = self.answer_rnn(cell, b, initial_state=sa)
            return qa, qb, sb
    """)


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from migrate.checker import check_many

    root = tmp_path_factory.mktemp("rnn_creators")
    library = creators.library_source(_ALL_CLASSES)
    entries = []
    for name, spec in CASES.items():
        (root / f"{name}_legacy.py").write_text(spec["legacy"], encoding="utf-8")
        (root / f"{name}_tf2.py").write_text(library + "\n\n" + spec["migrated"], encoding="utf-8")
        entries.append({"legacy": str(root / f"{name}_legacy.py") + ":build",
                        "migrated": str(root / f"{name}_tf2.py") + ":Build",
                        "inputs": spec["inputs"], "label": name, "tf_function": True})
    # the codemod's own output for _CONVERTED, function by function
    (root / "converted_legacy.py").write_text(_CONVERTED, encoding="utf-8")
    (root / "converted_tf2.py").write_text(_transform(_CONVERTED).code, encoding="utf-8")
    for function, (cls, inputs) in _CONVERTED_ENTRIES.items():
        entries.append({"legacy": str(root / "converted_legacy.py") + f":{function}",
                        "migrated": str(root / "converted_tf2.py") + f":{cls}",
                        "inputs": inputs, "label": function, "tf_function": True})
    return dict(zip(list(CASES) + list(_CONVERTED_ENTRIES), check_many(entries)))


_CONVERTED_ENTRIES = {
    "layer_per_turn": ("LayerPerTurn", {"x": "float32[2,3,4]"}),
    "same_cell_twice": ("SameCellTwice", {"x": "float32[2,3,2]", "y": "float32[2,4,2]"}),
    "reuse_switched_on": ("ReuseSwitchedOn", {"x": "float32[2,3,2]", "y": "float32[2,3,2]"}),
    "wrapped_in_a_comprehension": ("WrappedInAComprehension", {"x": "float32[2,3,2]"}),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES) + list(_CONVERTED_ENTRIES))
def test_rnn_library_is_equivalent_to_tf1(verdicts: dict, name: str) -> None:
    verdict = verdicts[name]
    assert verdict.equivalent, verdict.table()
    checks = {c.name: c for c in verdict.checks}
    for required in ("variables", "initial values", "outputs (initial weights)",
                     "outputs (per-name random weights)", "gradients", "tf.function",
                     "second call"):
        assert checks[required].ok, verdict.table()


@pytest.mark.slow
def test_tables_name_the_tf1_variables(verdicts: dict) -> None:
    """Guard against a vacuous comparison: the checker saw TF1's names."""
    table = verdicts["multi_cell_wrappers"].table()
    for name in ("lm/rnn/multi_rnn_cell/cell_0/gru_cell/gates/kernel:0",
                 "lm/rnn/multi_rnn_cell/cell_1/basic_lstm_cell/bias:0",
                 "lm/rnn/multi_rnn_cell/cell_2/basic_rnn_cell/kernel:0"):
        assert name in table, table
    table = verdicts["bidirectional_tagger"].table()
    assert "bi-lstm/bidirectional_rnn/bw/lstm_cell/kernel:0" in table, table


def test_a_runner_kept_tf1_keeps_its_function_a_creator() -> None:
    """`import tensorflow.compat.v1 as tf` in a one-file run (the library is not inlined there)
    and an explicit tf.compat.v1.nn.dynamic_rnn: the cell's variables stay TF1's, and the
    caller's scope is not turned into a converted module around them."""
    v1 = ("import tensorflow.compat.v1 as tf\n\n\ndef enc(x):\n    with tf.variable_scope('enc'):\n"
          "        cell = tf.nn.rnn_cell.GRUCell(3)\n        return tf.nn.dynamic_rnn(cell, x, dtype=tf.float32)\n\n\n"
          "def model(x):\n    with tf.variable_scope('model'):\n        w = tf.get_variable('w', [3, 3])\n"
          "        return enc(x)\n")
    explicit = v1.replace("import tensorflow.compat.v1 as tf", "import tensorflow as tf").replace(
        "tf.nn.", "tf.compat.v1.nn.")
    for source in (v1, explicit):
        out = _transform(source)
        assert "class " not in out.code
        codes = {d.code for d in out.diagnostics}
        assert {"implicit-creator", "unconvertible-callee"} <= codes
