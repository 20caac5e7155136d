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



class CellCall(_RnnRunner):
    """A cell called directly (`output, state = cell(inputs, state)`, a hand-unrolled loop): TF1
    made its variables on the first call, in the variable scope active there
    (`rnn/lstm_cell/kernel`), and every later call reused them. No name scope of its own: the
    cell adds its name under the caller's; the cell first run is kept (its variables)."""

    def __init__(self, name=None):
        super().__init__(name=name or "rnn_cell")

    def __call__(self, cell, inputs, state):
        inputs = tf.convert_to_tensor(inputs)
        self._bind(cell, "cell", inputs.shape[-1], inputs.dtype.base_dtype)
        return cell._step(inputs, state)


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


class DecodeLstm(tf.Module):
    def __init__(self, name='logits'):
        super().__init__(name=name)
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, owner, h):
        if self.w is None:
            self.w = tf.Variable(_tf1_glorot_uniform_initializer()([owner.H, 4], tf.float32), name='w')
        w = self.w
        return tf.matmul(h, w)


class GetInitialLstm(tf.Module):
    def __init__(self, name='initial_lstm'):
        super().__init__(name=name)
        self.w_h = None
        self.b_h = None
        self.w_c = None
        self.b_c = None

    @tf.Module.with_name_scope
    def __call__(self, owner, features):
        features_mean = tf.reduce_mean(features, 1)
        if self.w_h is None:
            self.w_h = tf.Variable(_tf1_glorot_uniform_initializer()([owner.D, owner.H], tf.float32), name='w_h')
        w_h = self.w_h
        if self.b_h is None:
            self.b_h = tf.Variable(tf.constant_initializer(0.0)([owner.H], dtype=tf.float32), name='b_h')
        b_h = self.b_h
        h = tf.nn.tanh(tf.matmul(features_mean, w_h) + b_h)
        if self.w_c is None:
            self.w_c = tf.Variable(_tf1_glorot_uniform_initializer()([owner.D, owner.H], tf.float32), name='w_c')
        w_c = self.w_c
        if self.b_c is None:
            self.b_c = tf.Variable(tf.constant_initializer(0.0)([owner.H], dtype=tf.float32), name='b_c')
        b_c = self.b_c
        c = tf.nn.tanh(tf.matmul(features_mean, w_c) + b_c)
        return c, h


class BuildModel(tf.Module):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.lstm_basic_lstm_cell = None

    def __call__(self, owner, features, x):
        c, h = owner._get_initial_lstm(features=features)
        lstm_cell = BasicLSTMCell(num_units=owner.H)
        logits = []
        for t in range(owner.T):
            with _tf1_scope('lstm'):
                if self.lstm_basic_lstm_cell is None:
                    self.lstm_basic_lstm_cell = CellCall(name="basic_lstm_cell")
                _, (c, h) = self.lstm_basic_lstm_cell(lstm_cell, tf.concat([x[:, t, :], h], 1), [c, h])
            logits.append(owner._decode_lstm(h, reuse=(t != 0)))
        return tf.stack(logits, 1)


class CaptionGenerator(tf.Module):
    """show-attend-and-tell: the LSTM cell called by keyword, at each step, inside a
    `variable_scope('lstm', reuse=(t != 0))` the loop enters again."""

    def __init__(self, dim_feature=6, dim_hidden=5, n_time_step=3):
        super().__init__()
        self._get_initial_lstm_module = {}
        self._decode_lstm_module = {}
        self._build_model_module = {}
        self.D = dim_feature
        self.H = dim_hidden
        self.T = n_time_step

    def _get_initial_lstm(self, features):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._get_initial_lstm_module:
            self._get_initial_lstm_module[key] = GetInitialLstm()
        return self._get_initial_lstm_module[key](self, features)

    def _decode_lstm(self, h, reuse=False):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._decode_lstm_module:
            self._decode_lstm_module[key] = DecodeLstm()
        return self._decode_lstm_module[key](self, h)

    def build_model(self, features, x):
        scope = tf.get_current_name_scope()
        key = scope
        if key not in self._build_model_module:
            self._build_model_module[key] = BuildModel()
        return self._build_model_module[key](self, features, x)
