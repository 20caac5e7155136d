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



def _rnn_constant_ones(value):
    def initializer(shape, dtype):
        return tf.fill(shape, tf.cast(value, dtype))
    return initializer



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



class GRUCell(_RnnCell):
    """tf.nn.rnn_cell.GRUCell: `gru_cell/gates/{kernel,bias}` [in + units, 2 units] (bias 1.0
    unless bias_initializer) and `gru_cell/candidate/{kernel,bias}` [in + units, units]."""

    _base_name = "gru_cell"
    _weight_names = ("gate_kernel", "gate_bias", "candidate_kernel", "candidate_bias")

    def __init__(self, num_units, activation=None, reuse=None, kernel_initializer=None,
                 bias_initializer=None, name=None, dtype=None):
        super().__init__(name=name)
        self._num_units = num_units
        self._activation = activation or tf.tanh
        self._kernel_initializer = kernel_initializer
        self._bias_initializer = bias_initializer
        self.gate_kernel = self.gate_bias = self.candidate_kernel = self.candidate_bias = None

    @property
    def state_size(self):
        return self._num_units

    @property
    def output_size(self):
        return self._num_units

    def _build(self, input_depth, dtype):
        units = self._num_units
        with _rnn_scope("gates"):
            self.gate_kernel = _tf1_variable("kernel", [input_depth + units, 2 * units], dtype,
                                             self._kernel_initializer, _tf1_glorot_uniform)
            self.gate_bias = _tf1_variable("bias", [2 * units], dtype, self._bias_initializer,
                                           _rnn_constant_ones(1.0))
        with _rnn_scope("candidate"):
            self.candidate_kernel = _tf1_variable("kernel", [input_depth + units, units], dtype,
                                                  self._kernel_initializer, _tf1_glorot_uniform)
            self.candidate_bias = _tf1_variable("bias", [units], dtype, self._bias_initializer,
                                                tf.zeros)

    def _step(self, inputs, state):
        gate_inputs = tf.nn.bias_add(
            tf.matmul(tf.concat([inputs, state], 1), self.gate_kernel), self.gate_bias)
        r, u = tf.split(tf.sigmoid(gate_inputs), num_or_size_splits=2, axis=1)
        candidate = tf.nn.bias_add(
            tf.matmul(tf.concat([inputs, r * state], 1), self.candidate_kernel),
            self.candidate_bias)
        c = self._activation(candidate)
        new_h = u * state + (1 - u) * c
        return new_h, new_h



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



def _rnn_initial_state(cell, initial_state, batch_size, dtype):
    if initial_state is not None:
        return initial_state
    if not dtype:
        raise ValueError("If no initial_state is provided, argument `dtype` must be specified")
    return cell.zero_state(batch_size, dtype)



class StaticRnn(_RnnRunner):
    """tf.nn.static_rnn (= tf.contrib.rnn.static_rnn): the cell unrolled over a Python list of
    [batch, depth] inputs in the scope `rnn`; returns (list of outputs, final state)."""

    def __init__(self, name=None):
        super().__init__(name=name or "rnn")

    @tf.Module.with_name_scope
    def __call__(self, cell, inputs, initial_state=None, dtype=None, sequence_length=None):
        inputs = [tf.convert_to_tensor(x) for x in inputs]
        first = inputs[0]
        self._bind(cell, "cell", first.shape[-1], first.dtype.base_dtype)
        batch_size = first.shape[0] if first.shape[0] is not None else tf.shape(first)[0]
        state = _rnn_initial_state(cell, initial_state, batch_size, dtype)
        if sequence_length is not None:
            sequence_length = tf.cast(sequence_length, tf.int32)
            zero_output = tf.zeros(tf.stack([tf.shape(first)[0], cell.output_size]),
                                   first.dtype)
        outputs = []
        for time, step_input in enumerate(inputs):
            output, new_state = cell._step(step_input, state)
            if sequence_length is not None:
                done = (time >= sequence_length)[:, None]
                output = tf.where(done, zero_output, output)
                new_state = tf.nest.map_structure(lambda old, new: tf.where(done, old, new),
                                                  state, new_state)
            outputs.append(output)
            state = new_state
        return outputs, state


class Encode(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        with self.name_scope:
            self.rnn = StaticRnn()

    @tf.Module.with_name_scope
    def __call__(self, owner, source):
        cells = [GRUCell(owner.num_units) for _ in range(owner.num_layers)]
        cell = MultiRNNCell(cells)
        steps = tf.unstack(source, axis=1)
        outputs, state = self.rnn(cell, steps, dtype=tf.float32)
        return tf.stack(outputs, axis=1), state[-1]


class Seq2SeqEncoder(tf.Module):
    def __init__(self, num_units=4, num_layers=2):
        super().__init__()
        self._encode_module = {}
        self.num_units = num_units
        self.num_layers = num_layers

    def encode(self, source, reuse=False):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._encode_module:
            self._encode_module[key] = Encode()
        return self._encode_module[key](self, source)
