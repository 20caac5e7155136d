"""RNN cells kept on `self` for the whole class: a seq2seq whose encoder and decoder methods
run one LSTM cell (the decoder re-enters the encoder's scope with reuse=True), and a char-rnn
style language model whose MultiRNNCell, built in __init__ from a list of GRU cells, runs in a
training graph and again in a sampling graph (reuse=True)."""
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



def _layer_dtype(inputs):
    """TF1 layers create their variables in the (floating) input dtype."""
    dtype = inputs.dtype.base_dtype
    return dtype if dtype.is_floating else tf.float32



class _Regularized(tf.Module):
    """Keeps (attribute, regularizer) pairs: TF1 put regularizer(variable) in
    REGULARIZATION_LOSSES; `regularization_losses()` recomputes them from the current values."""

    def __init__(self, name=None):
        # Named eagerly (init_scope keeps the name scope): a layer built by its first call in
        # a loop is built in tf.function's graph, where a name an op or a name_scope took
        # already would get a _1 suffix TF1 never gave it.
        with tf.init_scope():
            super().__init__(name=name)

    def _regularize(self, attribute, regularizer):
        if regularizer is not None:
            self._regularized.append((attribute, regularizer))

    def regularization_losses(self):
        losses = [regularizer(getattr(self, attribute))
                  for attribute, regularizer in self._regularized]
        return [loss for loss in losses if loss is not None]



def _no_activity_regularizer(activity_regularizer):
    if activity_regularizer is not None:
        raise NotImplementedError("activity_regularizer is not supported by the migrated layer")



def _tf1_dense_matmul(inputs, kernel):
    """tf.layers' core dense op: matmul for rank 2, tensordot over the last axis otherwise."""
    if inputs.shape.rank == 2:
        return tf.matmul(inputs, kernel)
    outputs = tf.tensordot(inputs, kernel, [[inputs.shape.rank - 1], [0]])
    outputs.set_shape(inputs.shape[:-1].concatenate([kernel.shape[-1]]))
    return outputs



class Dense(_Regularized):
    """tf.layers.dense: variables `dense/kernel` [in, units] (glorot uniform) and `dense/bias`."""

    def __init__(self, name=None):
        super().__init__(name=name or "dense")
        self.kernel = None
        self.bias = None
        self._regularized = []

    @tf.Module.with_name_scope
    def __call__(self, inputs, units, activation=None, use_bias=True, kernel_initializer=None,
                 bias_initializer=tf.zeros, kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, trainable=True):
        _no_activity_regularizer(activity_regularizer)
        inputs = tf.convert_to_tensor(inputs)
        dtype = _layer_dtype(inputs)
        if self.kernel is None:
            self.kernel = _tf1_variable("kernel", [inputs.shape[-1], units], dtype,
                                        kernel_initializer, _tf1_glorot_uniform, trainable,
                                        kernel_constraint)
            self._regularize("kernel", kernel_regularizer)
            if use_bias:
                self.bias = _tf1_variable("bias", [units], dtype, bias_initializer,
                                          tf.zeros, trainable, bias_constraint)
                self._regularize("bias", bias_regularizer)
        outputs = _tf1_dense_matmul(tf.cast(inputs, dtype), self.kernel)
        if self.bias is not None:
            outputs = tf.nn.bias_add(outputs, self.bias)
        if activation is not None:
            outputs = activation(outputs)
        return outputs



def _rnn_scope(name):
    """The absolute name scope `current/name/` (a relative one would be made unique inside
    tf.function: lstm_cell_1)."""
    current = tf.get_current_name_scope()
    return tf.name_scope(f"{current}/{name}/" if current else f"{name}/")



def _rnn_constant_ones(value):
    def initializer(shape, dtype):
        return tf.fill(shape, tf.cast(value, dtype))
    return initializer



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



class DynamicRnn(_RnnRunner):
    """tf.nn.dynamic_rnn: runs the cell in the scope `rnn` (or `scope`), so its variables are
    `rnn/lstm_cell/kernel`; returns (outputs, final state) as TF1 did."""

    def __init__(self, name=None):
        super().__init__(name=name or "rnn")

    @tf.Module.with_name_scope
    def __call__(self, cell, inputs, sequence_length=None, initial_state=None, dtype=None,
                 parallel_iterations=None, swap_memory=False, time_major=False):
        return _rnn_dynamic(self, "cell", cell, inputs, sequence_length, initial_state, dtype,
                            time_major)


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


class Decode(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.encoder_rnn = None
        self.decoder_readout = None

    def __call__(self, owner, y, state):
        with _tf1_scope("encoder"):
            if self.encoder_rnn is None:
                self.encoder_rnn = DynamicRnn()
            outputs, _ = self.encoder_rnn(owner.cell, y, initial_state=state)
        with _tf1_scope("decoder"):
            if self.decoder_readout is None:
                self.decoder_readout = Dense(name="readout")
            return self.decoder_readout(outputs, 2)


class Encode(tf.Module):
    def __init__(self, name='encoder'):
        super().__init__(name=name)
        with self.name_scope:
            self.rnn = DynamicRnn()

    @tf.Module.with_name_scope
    def __call__(self, owner, x):
        outputs, state = self.rnn(owner.cell, x, dtype=tf.float32)
        return outputs, state


class Seq2Seq(tf.Module):
    def __init__(self, units=6):
        super().__init__()
        self._encode_module = {}
        self._decode_module = {}
        self.units = units
        self.cell = LSTMCell(units)

    def encode(self, x):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._encode_module:
            self._encode_module[key] = Encode()
        return self._encode_module[key](self, x)

    def decode(self, y, state):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._decode_module:
            self._decode_module[key] = Decode()
        return self._decode_module[key](self, y, state)


class Logits(tf.Module):
    def __init__(self, name='rnnlm'):
        super().__init__(name=name)
        self.embedding = None
        self.softmax_w = None
        self.softmax_b = None
        with self.name_scope:
            self.rnn = DynamicRnn()

    @tf.Module.with_name_scope
    def __call__(self, owner, tokens, initial_state=None):
        if self.embedding is None:
            self.embedding = tf.Variable(_tf1_glorot_uniform_initializer()([owner.vocab_size, owner.hidden], tf.float32), name="embedding")
        embedding = self.embedding
        inputs = tf.nn.embedding_lookup(embedding, tokens)
        if initial_state is None:
            initial_state = owner.cell.zero_state(tf.shape(tokens)[0], tf.float32)
        outputs, state = self.rnn(owner.cell, inputs, initial_state=initial_state)
        if self.softmax_w is None:
            self.softmax_w = tf.Variable(_tf1_glorot_uniform_initializer()([owner.hidden, owner.vocab_size], tf.float32), name="softmax_w")
        softmax_w = self.softmax_w
        if self.softmax_b is None:
            self.softmax_b = tf.Variable(_tf1_glorot_uniform_initializer()([owner.vocab_size], tf.float32), name="softmax_b")
        softmax_b = self.softmax_b
        flat = tf.reshape(outputs, [-1, owner.hidden])
        return tf.matmul(flat, softmax_w) + softmax_b, state


class CharLM(tf.Module):
    def __init__(self, vocab_size=7, hidden=8, layers=2):
        super().__init__()
        self._logits_module = {}
        self.vocab_size = vocab_size
        self.hidden = hidden
        cells = [GRUCell(hidden) for _ in range(layers)]
        self.cell = cell = MultiRNNCell(cells)
        self.state_sizes = cell.state_size

    def logits(self, tokens, initial_state=None, reuse=False):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._logits_module:
            self._logits_module[key] = Logits()
        return self._logits_module[key](self, tokens, initial_state)


class Build(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.model = None
        self.lm = None

    def __call__(self, x, y, tokens, prime):
        if self.model is None:
            self.model = Seq2Seq(6)
        model = self.model
        encoded, state = model.encode(x)
        decoded = model.decode(y, state)
        if self.lm is None:
            self.lm = CharLM()
        lm = self.lm
        train_logits, _ = lm.logits(tokens)
        sample_logits, _ = lm.logits(prime, reuse=True)
        return encoded, decoded, train_logits, tf.nn.softmax(sample_logits)
