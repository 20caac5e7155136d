import tensorflow as tf
import math


def _tf1_fans(shape):
    """TF1 init_ops._compute_fans."""
    shape = tf.TensorShape(shape).as_list()
    if len(shape) < 1:
        fan_in = fan_out = 1
    elif len(shape) == 1:
        fan_in = fan_out = shape[0]
    elif len(shape) == 2:
        fan_in, fan_out = shape[0], shape[1]
    else:
        receptive_field_size = 1
        for dim in shape[:-2]:
            receptive_field_size *= dim
        fan_in = shape[-2] * receptive_field_size
        fan_out = shape[-1] * receptive_field_size
    return int(fan_in), int(fan_out)



def _tf1_glorot_uniform(shape, dtype):
    """TF1 glorot_uniform_initializer (tf.get_variable's and tf.layers' default kernel init)."""
    fan_in, fan_out = _tf1_fans(shape)
    scale = 1.0 / max(1., (fan_in + fan_out) / 2.)
    limit = math.sqrt(3.0 * scale)
    return tf.random.uniform(shape, -limit, limit, dtype)



def _tf1_variable(name, shape, dtype, initializer, default_initializer, trainable=True,
                  constraint=None):
    """A variable as TF1's get_variable made it: the initializer called with (shape, dtype);
    None means the library's default. TF1 initializers converted by the upgrade stage
    (`_tf1_*_initializer(...)`) and TF2 core initializers both take (shape, dtype)."""
    shape = [int(d) for d in shape]
    if initializer is None:
        value = default_initializer(shape, dtype)
    elif callable(initializer):
        value = initializer(shape, dtype=dtype)
    else:  # a constant value (get_variable accepts a tensor or array as initializer)
        value = tf.cast(initializer, dtype)
    return tf.Variable(value, name=name, trainable=trainable, constraint=constraint)



def _rnn_scope(name):
    """The absolute name scope `current/name/` (a relative one would be made unique inside
    tf.function: lstm_cell_1)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")



class LSTMStateTuple(tuple):
    """TF1's LSTMStateTuple (c, h): a namedtuple as tf.nest sees it (`_fields`)."""

    __slots__ = ()
    _fields = ("c", "h")

    def __new__(cls, c, h):
        return tuple.__new__(cls, (c, h))

    @property
    def c(self):
        return self[0]

    @property
    def h(self):
        return self[1]



class _RnnCell(tf.Module):
    """TF1's RNNCell: `output, new_state = cell(inputs, state)`; `zero_state`, `state_size`,
    `output_size`. Variables are made once, by `_build`, from the input depth."""

    _base_name = "rnn_cell"

    def __init__(self, name=None):
        super().__init__(name=name or self._base_name)
        self._cell_name = name or self._base_name
        self.built = False

    def zero_state(self, batch_size, dtype):
        def zeros(size):
            return tf.zeros(tf.stack([batch_size, size]), dtype=dtype)
        return tf.nest.map_structure(zeros, self.state_size)

    def _ensure_built(self, input_depth, dtype):
        """Make the variables under the current name scope + the cell's name (TF1: the
        variable scope of the first call)."""
        if not self.built:
            with _rnn_scope(self._cell_name):
                self._build(int(input_depth), dtype)
            self.built = True

    def _adopt(self, other):
        """Take the variables of `other` (the same configuration, built earlier). Wrappers
        own no variables and add no scope: a cell wrapped for dropout in one call and bare
        in another has the same TF1 names, so it shares."""
        other = _rnn_unwrapped(other)
        if type(other) is not type(self):
            raise ValueError(f"the cell changed between calls: {type(other).__name__} "
                             f"then {type(self).__name__}")
        for attribute in self._weight_names:
            setattr(self, attribute, getattr(other, attribute))
        self.built = True

    def __call__(self, inputs, state):
        inputs = tf.convert_to_tensor(inputs)
        self._ensure_built(inputs.shape[-1], inputs.dtype.base_dtype)
        return self._step(inputs, state)



class BasicLSTMCell(_RnnCell):
    """tf.nn.rnn_cell.BasicLSTMCell: `basic_lstm_cell/kernel` [in + units, 4 units] (glorot
    uniform), `basic_lstm_cell/bias` (zeros: forget_bias is added in the step, not stored)."""

    _base_name = "basic_lstm_cell"
    _weight_names = ("kernel", "bias")

    def __init__(self, num_units, forget_bias=1.0, state_is_tuple=True, activation=None,
                 reuse=None, name=None, dtype=None):
        super().__init__(name=name)
        self._num_units = num_units
        self._forget_bias = forget_bias
        self._state_is_tuple = state_is_tuple
        self._activation = activation or tf.tanh
        self.kernel = self.bias = None

    @property
    def state_size(self):
        units = self._num_units
        return LSTMStateTuple(units, units) if self._state_is_tuple else 2 * units

    @property
    def output_size(self):
        return self._num_units

    def _build(self, input_depth, dtype):
        units = self._num_units
        self.kernel = _tf1_variable("kernel", [input_depth + units, 4 * units], dtype, None,
                                    _tf1_glorot_uniform)
        self.bias = _tf1_variable("bias", [4 * units], dtype, tf.zeros, None)

    def _step(self, inputs, state):
        if self._state_is_tuple:
            c, h = state
        else:
            c, h = tf.split(state, num_or_size_splits=2, axis=1)
        gate_inputs = tf.nn.bias_add(tf.matmul(tf.concat([inputs, h], 1), self.kernel),
                                     self.bias)
        i, j, f, o = tf.split(gate_inputs, num_or_size_splits=4, axis=1)
        forget_bias = tf.constant(self._forget_bias, dtype=f.dtype)
        new_c = tf.add(tf.multiply(c, tf.sigmoid(tf.add(f, forget_bias))),
                       tf.multiply(tf.sigmoid(i), self._activation(j)))
        new_h = tf.multiply(self._activation(new_c), tf.sigmoid(o))
        if self._state_is_tuple:
            return new_h, LSTMStateTuple(new_c, new_h)
        return new_h, tf.concat([new_c, new_h], 1)



class MultiRNNCell(_RnnCell):
    """tf.nn.rnn_cell.MultiRNNCell: its cells' variables under `multi_rnn_cell/cell_<i>/`; the
    same cell object listed twice shares its variables (TF1 too)."""

    _base_name = "multi_rnn_cell"

    def __init__(self, cells, state_is_tuple=True):
        super().__init__()
        if not cells:
            raise ValueError("Must specify at least one cell for MultiRNNCell.")
        self._cells = list(cells)
        self._state_is_tuple = state_is_tuple

    @property
    def state_size(self):
        if self._state_is_tuple:
            return tuple(cell.state_size for cell in self._cells)
        return sum(cell.state_size for cell in self._cells)

    @property
    def output_size(self):
        return self._cells[-1].output_size

    def zero_state(self, batch_size, dtype):
        if self._state_is_tuple:
            return tuple(cell.zero_state(batch_size, dtype) for cell in self._cells)
        return super().zero_state(batch_size, dtype)

    def _build(self, input_depth, dtype):
        depth = input_depth
        for i, cell in enumerate(self._cells):
            with _rnn_scope("cell_%d" % i):
                cell._ensure_built(depth, dtype)
            depth = cell.output_size

    def _adopt(self, other):
        other = _rnn_unwrapped(other)
        if type(other) is not MultiRNNCell or len(other._cells) != len(self._cells):
            raise ValueError("the MultiRNNCell changed between calls")
        for mine, theirs in zip(self._cells, other._cells):
            if not mine.built:
                mine._adopt(theirs)
        self.built = True

    def _step(self, inputs, state):
        position = 0
        current = inputs
        new_states = []
        for i, cell in enumerate(self._cells):
            if self._state_is_tuple:
                cell_state = state[i]
            else:
                cell_state = tf.slice(state, [0, position], [-1, cell.state_size])
                position += cell.state_size
            current, new_state = cell._step(current, cell_state)
            new_states.append(new_state)
        return current, (tuple(new_states) if self._state_is_tuple
                         else tf.concat(new_states, 1))



def _rnn_unwrapped(cell):
    """The cell inside any Dropout/Residual wrappers (the one that owns the variables)."""
    while getattr(cell, "_is_wrapper", False):
        cell = cell.cell
    return cell



class _RnnRunner(tf.Module):
    """What a tf.nn.dynamic_rnn-like call site owns: the cells it ran first (their variables)."""

    def __init__(self, name):
        with tf.init_scope():  # (named eagerly, as the layers are: no rnn_1 in a graph)
            super().__init__(name=name)
        self.cells = {}

    def _bind(self, cell, slot, input_depth, dtype):
        """The cell TF1 would run: built under this module's scope on the first call; a later
        call's fresh cell object takes over the variables of the kept one."""
        if not isinstance(cell, _RnnCell):
            raise TypeError(f"{type(cell).__name__} is not a migrated RNN cell (build it with "
                            "the cell classes of this file)")
        kept = self.cells.get(slot)
        if not cell.built:
            if kept is not None:
                cell._adopt(kept)
            else:
                cell._ensure_built(input_depth, dtype)
        if kept is None:
            self.cells[slot] = cell



class RnnDecoder(_RnnRunner):
    """tf.contrib.legacy_seq2seq.rnn_decoder: the cell run over a Python list of [batch, depth]
    inputs from `initial_state` in the scope `rnn_decoder` (or `scope`), so its variables are
    `rnn_decoder/lstm_cell/kernel`; returns (list of outputs, final state) as TF1 did."""

    def __init__(self, name=None):
        super().__init__(name=name or "rnn_decoder")

    @tf.Module.with_name_scope
    def __call__(self, decoder_inputs, initial_state, cell, loop_function=None):
        if loop_function is not None:
            raise NotImplementedError("rnn_decoder(loop_function=...) is not covered by the migrated runner")
        inputs = [tf.convert_to_tensor(x) for x in decoder_inputs]
        first = inputs[0]
        self._bind(cell, "cell", first.shape[-1], first.dtype.base_dtype)
        state = initial_state
        outputs = []
        for step_input in inputs:
            output, state = cell._step(step_input, state)
            outputs.append(output)
        return outputs, state


def _tf1_variance_scaling_initializer(scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None, dtype=tf.float32):
    """TF1 tf.variance_scaling_initializer (same values in plain TF2)."""
    distribution = distribution.lower()

    def init(shape, dtype=dtype, partition_info=None):
        import math
        fan_in, fan_out = _tf1_fans(shape)
        s = scale
        if mode == "fan_in":
            s /= max(1., fan_in)
        elif mode == "fan_out":
            s /= max(1., fan_out)
        else:
            s /= max(1., (fan_in + fan_out) / 2.)
        if distribution in ("normal", "truncated_normal"):
            stddev = math.sqrt(s) / .87962566103423978
            return tf.random.truncated_normal(shape, 0.0, stddev, dtype, seed=seed)
        if distribution == "untruncated_normal":
            return tf.random.normal(shape, 0.0, math.sqrt(s), dtype, seed=seed)
        limit = math.sqrt(3.0 * s)
        return tf.random.uniform(shape, -limit, limit, dtype, seed=seed)
    return init


def _tf1_glorot_uniform_initializer(seed=None, dtype=tf.float32):
    """TF1 tf.glorot_uniform_initializer (tf.get_variable's default; same values in plain TF2)."""
    return _tf1_variance_scaling_initializer(1.0, "fan_avg", "uniform", seed, dtype)


def _tf1_scope(name):
    """A TF1 variable scope's name in TF2: entering it again reuses the name, also in tf.function
    (whose graph would make a relative name_scope unique: step, step_1, ...)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")


class Build(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.rnnlm_softmax_w = None
        self.rnnlm_softmax_b = None
        self.embedding = None
        self.rnnlm = RnnDecoder(name="rnnlm")

    def __call__(self, input_data, num_layers=2, rnn_size=8, vocab_size=11, seq_length=4):
        cells = []
        for _ in range(num_layers):
            cells.append(BasicLSTMCell(rnn_size))
        cell = MultiRNNCell(cells, state_is_tuple=True)
        initial_state = cell.zero_state(3, tf.float32)
        with _tf1_scope("rnnlm"):
            if self.rnnlm_softmax_w is None:
                self.rnnlm_softmax_w = tf.Variable(_tf1_glorot_uniform_initializer()([rnn_size, vocab_size], tf.float32), name="softmax_w")
            softmax_w = self.rnnlm_softmax_w
            if self.rnnlm_softmax_b is None:
                self.rnnlm_softmax_b = tf.Variable(_tf1_glorot_uniform_initializer()([vocab_size], tf.float32), name="softmax_b")
            softmax_b = self.rnnlm_softmax_b
        if self.embedding is None:
            self.embedding = tf.Variable(_tf1_glorot_uniform_initializer()([vocab_size, rnn_size], tf.float32), name="embedding")
        embedding = self.embedding
        inputs = tf.nn.embedding_lookup(embedding, input_data)
        inputs = tf.split(inputs, seq_length, 1)
        inputs = [tf.squeeze(input_, [1]) for input_ in inputs]
        outputs, last_state = self.rnnlm(inputs, initial_state, cell)
        output = tf.reshape(tf.concat(outputs, 1), [-1, rnn_size])
        logits = tf.matmul(output, softmax_w) + softmax_b
        return tf.nn.softmax(logits), last_state
