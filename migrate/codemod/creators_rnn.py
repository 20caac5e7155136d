"""TF1's RNN cells and the functions that run them, as the codemod converts them.

Two kinds of call, keyed by the API spelling `TfNames.api()` gives (`nn.dynamic_rnn`,
`nn.rnn_cell.LSTMCell`, `contrib.rnn.GRUCell`; `tf.compat.v1.` spellings read the same):
- `RUNNERS`: the calls that create the cells' variables (TF1 makes them on a cell's first run,
  under the runner's `variable_scope(scope or "rnn")`). Each becomes an implicit creator like
  `tf.layers.dense`: a module the caller owns (`self.rnn = DynamicRnn(name='rnn')`), called
  with the same arguments minus `scope`.
- `CELLS`: the cell constructors. They create nothing; in converted code they become the
  library's cell classes with the same arguments (`LSTMCell(num_units)`), built where TF1
  built them. The library (tf2_rnn.py) hands a runner's variables to the fresh cell object a
  later call builds, so nothing is created twice.
"""

from __future__ import annotations

from migrate.codemod.creators import CreatorSpec

_RNN_PREFIXES = ("nn.", "contrib.rnn.")
_CELL_PREFIXES = ("nn.rnn_cell.", "contrib.rnn.")

CELLS: dict[str, str] = {
    f"{prefix}{name}": name
    for prefix in _CELL_PREFIXES
    for name in ("BasicRNNCell", "BasicLSTMCell", "LSTMCell", "GRUCell", "MultiRNNCell",
                 "DropoutWrapper", "ResidualWrapper")
}
# Plain values the library defines too: a converted function builds the library's.
STATE_TUPLES: dict[str, str] = {f"{prefix}LSTMStateTuple": "LSTMStateTuple" for prefix in _CELL_PREFIXES}
# A layer object kept on `self` for several methods, as migrate/codemod/layer_attributes_shared.py
# writes it before the codemod: `self.fc = tf.nn.rnn_cell.layer_object("Dense", units=10,
# name="fc")` (a spelling of that pass only), built like a shared cell (rnn_cell_shared.py) as the
# library's `LayerObject(Dense, units=10, name="fc")`: named where it is first called.
LAYER_OBJECT_API = "nn.rnn_cell.layer_object"
LAYER_OBJECTS: dict[str, str] = {LAYER_OBJECT_API: "LayerObject"}
LIBRARY_CALLS: dict[str, str] = {**CELLS, **STATE_TUPLES, **LAYER_OBJECTS}  # api -> library class
# Cell arguments the library refuses (NotImplementedError): refused statically instead.
UNSUPPORTED_CELL_ARGS: dict[str, tuple[str, ...]] = {
    "LSTMCell": ("num_unit_shards", "num_proj_shards"),
    "DropoutWrapper": ("variational_recurrent", "seed", "dropout_state_filter_visitor"),
}

_DYNAMIC = ("cell", "inputs", "sequence_length", "initial_state", "dtype",
            "parallel_iterations", "swap_memory", "time_major", "scope")
_DYNAMIC_DEFAULTS = {"sequence_length": "None", "initial_state": "None", "dtype": "None",
                     "parallel_iterations": "None", "swap_memory": "False",
                     "time_major": "False", "scope": "None"}
_BIDIRECTIONAL = ("cell_fw", "cell_bw", "inputs", "sequence_length", "initial_state_fw",
                  "initial_state_bw", "dtype", "parallel_iterations", "swap_memory",
                  "time_major", "scope")
_BIDIRECTIONAL_DEFAULTS = {"sequence_length": "None", "initial_state_fw": "None",
                           "initial_state_bw": "None", "dtype": "None",
                           "parallel_iterations": "None", "swap_memory": "False",
                           "time_major": "False", "scope": "None"}
_STATIC = ("cell", "inputs", "initial_state", "dtype", "sequence_length", "scope")
_STATIC_DEFAULTS = {"initial_state": "None", "dtype": "None", "sequence_length": "None",
                    "scope": "None"}


def _runner(apis: tuple[str, ...], cls: str, params: tuple[str, ...], defaults: dict[str, str],
            default_name: str) -> CreatorSpec:
    return CreatorSpec(apis, cls, params, defaults, "scope", None, default_name)


# tf.contrib.legacy_seq2seq.rnn_decoder: the cell run over a list of inputs from initial_state in
# `variable_scope(scope or "rnn_decoder")` (a static loop; `loop_function` is refused by
# rnn_cells.py: it runs user code on each output)
_DECODER = ("decoder_inputs", "initial_state", "cell", "loop_function", "scope")
_DECODER_DEFAULTS = {"loop_function": "None", "scope": "None"}

_ALL_RUNNERS = (
    _runner(("nn.dynamic_rnn",), "DynamicRnn", _DYNAMIC, _DYNAMIC_DEFAULTS, "rnn"),
    _runner(("contrib.legacy_seq2seq.rnn_decoder",), "RnnDecoder", _DECODER, _DECODER_DEFAULTS,
            "rnn_decoder"),
    _runner(("nn.bidirectional_dynamic_rnn",), "BidirectionalDynamicRnn", _BIDIRECTIONAL,
            _BIDIRECTIONAL_DEFAULTS, "bidirectional_rnn"),
    _runner(("nn.static_rnn", "contrib.rnn.static_rnn"), "StaticRnn", _STATIC,
            _STATIC_DEFAULTS, "rnn"),
)
# A cell called directly, as migrate/codemod/rnn_cell_calls.py writes it before the codemod:
# `cell(x, state)` -> `tf.nn.rnn_cell.cell_call(cell, x, state, scope="lstm_cell",
# reuse=tf.AUTO_REUSE)` (a spelling of that pass only: TF1 has no such function). The scope is the
# cell's TF1 scope name, so the codemod names and shares the module as TF1 named the cell.
CELL_CALL_API = "nn.rnn_cell.cell_call"
_CELL_CALL = CreatorSpec((CELL_CALL_API,), "CellCall", ("cell", "inputs", "state", "scope", "reuse"),
                         {"scope": "None", "reuse": "None"}, "scope", "reuse", "rnn_cell")
# ... and its calls: `self.fc(x)` -> `tf.nn.rnn_cell.layer_call(self.fc, x, scope="fc",
# reuse=tf.AUTO_REUSE)`, a module of the calling method's that runs the object (LayerCall).
LAYER_CALL_API = "nn.rnn_cell.layer_call"
_LAYER_CALL = CreatorSpec((LAYER_CALL_API,), "LayerCall", ("layer", "inputs", "training", "scope", "reuse"),
                          {"training": "None", "scope": "None", "reuse": "None"}, "scope", "reuse",
                          "layer_call")
RUNNERS: dict[str, CreatorSpec] = {api: spec for spec in (*_ALL_RUNNERS, _CELL_CALL, _LAYER_CALL)
                                   for api in spec.apis}
# The parameters that take a cell, per runner class.
CELL_PARAMS: dict[str, tuple[str, ...]] = {
    "DynamicRnn": ("cell",), "StaticRnn": ("cell",),
    "BidirectionalDynamicRnn": ("cell_fw", "cell_bw"), "CellCall": ("cell",), "LayerCall": ("layer",),
    "RnnDecoder": ("cell",),
}
# TF1's scope name of each cell class (its layer name); wrappers add none.
CELL_SCOPE_NAMES: dict[str, str] = {
    "BasicRNNCell": "basic_rnn_cell", "BasicLSTMCell": "basic_lstm_cell", "LSTMCell": "lstm_cell",
    "GRUCell": "gru_cell", "MultiRNNCell": "multi_rnn_cell",
}


def runner_def(spec: CreatorSpec, function: str) -> str:
    """The synthetic `def` the codemod binds a runner call against: TF1's own scope rule,
    `variable_scope(scope or "rnn")` — a name, not a default name: TF1 does not make it unique
    (a second runner in the same scope with a new cell is TF1's 'already exists' error)."""
    params = []
    for p in spec.params:
        default = spec.defaults.get(p)
        params.append(p if default is None else f"{p}={default}")
    if spec.reuse_param:  # the direct cell call: a fixed scope name, shared under AUTO_REUSE
        return (f"def {function}({', '.join(params)}):\n"
                f"    with tf.variable_scope(scope, default_name={spec.default_name!r}, reuse=reuse):\n"
                f"        return tf.get_variable('v', [1])\n")
    return (f"def {function}({', '.join(params)}):\n"
            f"    with tf.variable_scope(scope or {spec.default_name!r}):\n"
            f"        return tf.get_variable('v', [1])\n")
