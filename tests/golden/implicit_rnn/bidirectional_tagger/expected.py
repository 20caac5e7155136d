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



class LSTMCell(_RnnCell):
    """tf.nn.rnn_cell.LSTMCell: `lstm_cell/kernel` [in + h, 4 units] (glorot uniform unless
    initializer; h = num_proj or units), `lstm_cell/bias` (zeros); with use_peepholes
    `w_f_diag`, `w_i_diag`, `w_o_diag` [units]; with num_proj `projection/kernel` [units, proj]."""

    _base_name = "lstm_cell"
    _weight_names = ("kernel", "bias", "w_f_diag", "w_i_diag", "w_o_diag", "proj_kernel")

    def __init__(self, num_units, use_peepholes=False, cell_clip=None, initializer=None,
                 num_proj=None, proj_clip=None, num_unit_shards=None, num_proj_shards=None,
                 forget_bias=1.0, state_is_tuple=True, activation=None, reuse=None, name=None,
                 dtype=None):
        super().__init__(name=name)
        if num_unit_shards is not None or num_proj_shards is not None:
            raise NotImplementedError("LSTMCell: num_unit_shards / num_proj_shards (partitioned "
                                      "variables) are not supported by the migrated cell")
        self._num_units = num_units
        self._use_peepholes = use_peepholes
        self._cell_clip = cell_clip
        self._initializer = initializer
        self._num_proj = num_proj
        self._proj_clip = proj_clip
        self._forget_bias = forget_bias
        self._state_is_tuple = state_is_tuple
        self._activation = activation or tf.tanh
        self.kernel = self.bias = None
        self.w_f_diag = self.w_i_diag = self.w_o_diag = self.proj_kernel = None

    @property
    def state_size(self):
        h = self._num_proj or self._num_units
        return LSTMStateTuple(self._num_units, h) if self._state_is_tuple \
            else self._num_units + h

    @property
    def output_size(self):
        return self._num_proj or self._num_units

    def _build(self, input_depth, dtype):
        units = self._num_units
        h_depth = self._num_proj if self._num_proj is not None else units
        self.kernel = _tf1_variable("kernel", [input_depth + h_depth, 4 * units], dtype,
                                    self._initializer, _tf1_glorot_uniform)
        self.bias = _tf1_variable("bias", [4 * units], dtype, tf.zeros, None)
        if self._use_peepholes:
            self.w_f_diag = _tf1_variable("w_f_diag", [units], dtype, self._initializer,
                                          _tf1_glorot_uniform)
            self.w_i_diag = _tf1_variable("w_i_diag", [units], dtype, self._initializer,
                                          _tf1_glorot_uniform)
            self.w_o_diag = _tf1_variable("w_o_diag", [units], dtype, self._initializer,
                                          _tf1_glorot_uniform)
        if self._num_proj is not None:
            with _rnn_scope("projection"):
                self.proj_kernel = _tf1_variable("kernel", [units, self._num_proj], dtype,
                                                 self._initializer, _tf1_glorot_uniform)

    def _step(self, inputs, state):
        units = self._num_units
        num_proj = self._num_proj or units
        if self._state_is_tuple:
            c_prev, m_prev = state
        else:
            c_prev = tf.slice(state, [0, 0], [-1, units])
            m_prev = tf.slice(state, [0, units], [-1, num_proj])
        lstm_matrix = tf.nn.bias_add(tf.matmul(tf.concat([inputs, m_prev], 1), self.kernel),
                                     self.bias)
        i, j, f, o = tf.split(lstm_matrix, num_or_size_splits=4, axis=1)
        sigmoid = tf.sigmoid
        if self._use_peepholes:
            c = (sigmoid(f + self._forget_bias + self.w_f_diag * c_prev) * c_prev
                 + sigmoid(i + self.w_i_diag * c_prev) * self._activation(j))
        else:
            c = sigmoid(f + self._forget_bias) * c_prev + sigmoid(i) * self._activation(j)
        if self._cell_clip is not None:
            c = tf.clip_by_value(c, -self._cell_clip, self._cell_clip)
        if self._use_peepholes:
            m = sigmoid(o + self.w_o_diag * c) * self._activation(c)
        else:
            m = sigmoid(o) * self._activation(c)
        if self._num_proj is not None:
            m = tf.matmul(m, self.proj_kernel)
            if self._proj_clip is not None:
                m = tf.clip_by_value(m, -self._proj_clip, self._proj_clip)
        new_state = LSTMStateTuple(c, m) if self._state_is_tuple else tf.concat([c, m], 1)
        return m, new_state



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



def _rnn_loop(cell, inputs, state, sequence_length):
    """Run `cell` over time-major `inputs` [T, B, D] with tf.while_loop; past each sequence's
    length the output is zeros and the state is copied through (TF1's _rnn_step)."""
    steps = tf.shape(inputs)[0]
    batch_size = tf.shape(inputs)[1]
    outputs = tf.TensorArray(inputs.dtype, size=steps)
    state_flat = tf.nest.flatten(state)
    if sequence_length is not None:
        sequence_length = tf.cast(sequence_length, tf.int32)
    zero_output = tf.zeros(tf.stack([batch_size, cell.output_size]), inputs.dtype)

    def body(time, outputs, *flat):
        previous = tf.nest.pack_sequence_as(state, list(flat))
        output, new_state = cell._step(inputs[time], previous)
        new_flat = tf.nest.flatten(new_state)
        if sequence_length is not None:
            done = (time >= sequence_length)[:, None]
            output = tf.where(done, zero_output, output)
            new_flat = [tf.where(done, old, new) for old, new in zip(flat, new_flat)]
        return (time + 1, outputs.write(time, output), *new_flat)

    result = tf.while_loop(lambda time, *_: time < steps, body,
                           (tf.constant(0), outputs, *state_flat))
    stacked = result[1].stack()
    stacked.set_shape(inputs.shape[:2].concatenate([cell.output_size]))
    final = tf.nest.pack_sequence_as(state, list(result[2:]))
    return stacked, final



def _rnn_batch_major(tensor):
    return tf.transpose(tensor, [1, 0] + list(range(2, tensor.shape.rank)))



def _rnn_dynamic(runner, slot, cell, inputs, sequence_length, initial_state, dtype,
                 time_major):
    inputs = tf.convert_to_tensor(inputs)
    if not time_major:
        inputs = _rnn_batch_major(inputs)
    runner._bind(cell, slot, inputs.shape[-1], inputs.dtype.base_dtype)
    batch_size = inputs.shape[1] if inputs.shape[1] is not None else tf.shape(inputs)[1]
    state = _rnn_initial_state(cell, initial_state, batch_size, dtype)
    outputs, final_state = _rnn_loop(cell, inputs, state, sequence_length)
    if not time_major:
        outputs = _rnn_batch_major(outputs)
    return outputs, final_state



class BidirectionalDynamicRnn(_RnnRunner):
    """tf.nn.bidirectional_dynamic_rnn: `bidirectional_rnn/fw/<cell>/...` and `.../bw/...`;
    the backward pass runs on the inputs reversed within each sequence length."""

    def __init__(self, name=None):
        super().__init__(name=name or "bidirectional_rnn")

    @tf.Module.with_name_scope
    def __call__(self, cell_fw, cell_bw, inputs, sequence_length=None, initial_state_fw=None,
                 initial_state_bw=None, dtype=None, parallel_iterations=None,
                 swap_memory=False, time_major=False):
        time_axis, batch_axis = (0, 1) if time_major else (1, 0)

        def reverse(tensor):
            if sequence_length is not None:
                return tf.reverse_sequence(tensor, sequence_length, seq_axis=time_axis,
                                           batch_axis=batch_axis)
            return tf.reverse(tensor, axis=[time_axis])

        with _rnn_scope("fw"):
            output_fw, state_fw = _rnn_dynamic(self, "fw", cell_fw, inputs, sequence_length,
                                               initial_state_fw, dtype, time_major)
        with _rnn_scope("bw"):
            reversed_bw, state_bw = _rnn_dynamic(self, "bw", cell_bw, reverse(inputs),
                                                 sequence_length, initial_state_bw, dtype,
                                                 time_major)
        return (output_fw, reverse(reversed_bw)), (state_fw, state_bw)


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


class AddLogits(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.bi_lstm_bidirectional_rnn = None
        self.proj_w = None
        self.proj_b = None

    def __call__(self, word_embeddings, sequence_lengths, hidden_size=5, ntags=4):
        with _tf1_scope("bi-lstm"):
            cell_fw = LSTMCell(hidden_size)
            cell_bw = LSTMCell(hidden_size)
            if self.bi_lstm_bidirectional_rnn is None:
                self.bi_lstm_bidirectional_rnn = BidirectionalDynamicRnn()
            (output_fw, output_bw), _ = self.bi_lstm_bidirectional_rnn(
                cell_fw, cell_bw, word_embeddings,
                sequence_length=sequence_lengths, dtype=tf.float32)
            output = tf.concat([output_fw, output_bw], axis=-1)

        with _tf1_scope("proj"):
            if self.proj_w is None:
                self.proj_w = tf.Variable(_tf1_glorot_uniform_initializer()([2 * hidden_size, ntags], tf.float32), name="W")
            W = self.proj_w
            if self.proj_b is None:
                self.proj_b = tf.Variable(tf.zeros_initializer()([ntags], dtype=tf.float32), name="b")
            b = self.proj_b
            nsteps = tf.shape(output)[1]
            output = tf.reshape(output, [-1, 2 * hidden_size])
            pred = tf.matmul(output, W) + b
            return tf.reshape(pred, [-1, nsteps, ntags])
